"""parley.batch"""
