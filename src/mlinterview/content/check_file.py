"""Check one question file against the schema: ``python -m mlinterview.content.check_file FILE...``."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

from mlinterview.content.schema import QuestionFile

if __name__ == "__main__":
    failed = False
    for name in sys.argv[1:]:
        try:
            data = QuestionFile.model_validate(yaml.safe_load(Path(name).read_text()))
            print(f"{name}: {len(data.questions)} questions OK")
        except (ValidationError, yaml.YAMLError) as error:
            failed = True
            print(f"{name}: {error}")
    sys.exit(1 if failed else 0)
