"""Usage reports, the chart and the admin commands."""
