"""parley.store"""
