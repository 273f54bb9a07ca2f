"""Turning raw document bytes into clean text, or saying why not.

Every parser reads text that went through here: decoded (UTF-8, then Windows-1252), mojibake
repaired by ftfy, line endings unified. Binary junk is refused with a reason instead of parsed.
"""

from __future__ import annotations

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class UnreadableDocument(ValueError):
    """The bytes are not a text document we can read; the message says why."""


def decode_document(data: bytes) -> str:
    r"""Decode and repair a document's bytes.

    Args:
        data: the file's bytes as read from disk or the network.

    Returns:
        Clean text with ``\\n`` line endings and mojibake such as ``â€”`` repaired.

    Raises:
        UnreadableDocument: empty, too large, or binary rather than text.
    """
    if not data.strip():
        raise UnreadableDocument("empty document")
    if len(data) > MAX_DOCUMENT_BYTES:
        raise UnreadableDocument(f"document too large ({len(data) // 1024 // 1024} MB)")
    if b"\x00" in data[:65536]:
        raise UnreadableDocument("binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return clean_text(text)


def clean_text(text: str) -> str:
    """Repair mojibake and unify line endings of text that is already a ``str``."""
    sample = text[:65536]
    control = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t") or c == "\ufffd")
    if sample and control / len(sample) > 0.05:
        raise UnreadableDocument("binary data or an unreadable encoding")
    import ftfy  # here, where it repairs text: ≈ 40 ms of imports that only reading documents needs

    fixed = ftfy.fix_text(text, normalization="NFC")
    return fixed.replace("\r\n", "\n").replace("\r", "\n")
