"""Development tools (bench, synthetic data, evaluation): outside the wheel and the image."""
