"""Domain-free helpers: the clock, random secrets and the background-job machinery."""
