"""parley.web"""
