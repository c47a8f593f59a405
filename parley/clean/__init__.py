"""parley.clean"""
