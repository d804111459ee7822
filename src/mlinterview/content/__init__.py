"""The question bank: YAML schema, loader, validator, sync to the database, search and export."""
