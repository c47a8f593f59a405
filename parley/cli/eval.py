"""parley eval: placeholder until the evaluation command lands."""
