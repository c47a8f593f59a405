"""parley.eval"""
