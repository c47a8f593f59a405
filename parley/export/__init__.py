"""parley.export"""
