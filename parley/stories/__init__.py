"""parley.stories"""
