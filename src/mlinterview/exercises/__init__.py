"""Coding exercises: statements, starter code, visible and hidden tests, graded in the sandbox."""
