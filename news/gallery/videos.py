"""Video files recognised by their content, and links to the video hosts the portal embeds.

A file is an MP4 (an ISO base media file: top-level boxes from ``ftyp`` to the end, with a
``moov``) or a WebM (an EBML header whose document type is ``webm``, then a segment); its
extension must say the same. A link is a YouTube or Vimeo address, kept as the host and
the video's id: pages embed it from the host's privacy-enhanced player only
(``embed_url``), after the visitor clicks, and allow that one host to be framed.
"""

import re
from pathlib import PurePath
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError

from core.lib.formatting import vn_number

CONTENT_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
# ftyp brands of MP4 video; image formats share the box layout (HEIC, AVIF) and QuickTime
# (.mov) is not MP4.
VIDEO_BRANDS = {b"isom", b"iso2", b"iso3", b"iso4", b"iso5", b"iso6", b"iso7", b"iso8",
                b"iso9", b"mp41", b"mp42", b"avc1", b"dash", b"M4V ", b"mmp4", b"msnv",
                b"MSNV", b"f4v ", b"cmfc"}  # fmt: skip
IMAGE_BRANDS = {b"heic", b"heix", b"hevc", b"mif1", b"msf1", b"avif", b"avis", b"qt  "}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
SEGMENT_ID = b"\x18\x53\x80\x67"
DOCTYPE_ID = b"\x42\x82"

# Hosts: name -> (label, the origin its player is framed from).
HOSTS = {
    "youtube": ("YouTube", "https://www.youtube-nocookie.com"),
    "vimeo": ("Vimeo", "https://player.vimeo.com"),
}
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
VIMEO_ID = re.compile(r"[0-9]{1,12}")
VIMEO_HASH = re.compile(r"[0-9a-f]{6,20}")
YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com"}


def _mp4(upload, size: int) -> bool:
    """Whether the file is a chain of ISO BMFF boxes from an ``ftyp`` of a video brand to
    its last byte, with a ``moov`` (the film's index) among them."""
    upload.seek(0)
    head = upload.read(64)
    if len(head) < 16 or head[4:8] != b"ftyp":
        return False
    box = int.from_bytes(head[:4], "big")
    brands = {head[8:12]} | {head[i : i + 4] for i in range(16, min(box, len(head)) - 3, 4)}
    if head[8:12] in IMAGE_BRANDS or not brands & VIDEO_BRANDS:
        return False
    position, found = 0, set()
    for _ in range(10_000):  # a real file has a handful of top-level boxes
        if position == size:
            return b"moov" in found
        upload.seek(position)
        header = upload.read(16)
        if len(header) < 8:
            return False
        length, kind = int.from_bytes(header[:4], "big"), header[4:8]
        if length == 1:  # a 64-bit size follows
            if len(header) < 16:
                return False
            length = int.from_bytes(header[8:16], "big")
        elif length == 0:  # runs to the end of the file
            length = size - position
        if length < 8 or position + length > size or not kind.isascii():
            return False
        found.add(kind)
        position += length
    return False


def _vint(data: bytes, at: int) -> tuple[int, int] | None:
    """An EBML variable-length size at ``at``: (value, its length in bytes)."""
    if at >= len(data) or data[at] == 0:
        return None
    first = data[at]
    width = 8 - first.bit_length() + 1
    if at + width > len(data):
        return None
    value = first & (0xFF >> width)
    for byte in data[at + 1 : at + width]:
        value = (value << 8) | byte
    return value, width


def _webm(upload, size: int) -> bool:
    """Whether the file starts with an EBML header of document type ``webm`` followed by
    a segment (Matroska's .mkv says ``matroska`` and is refused)."""
    upload.seek(0)
    head = upload.read(4096)
    if not head.startswith(EBML_MAGIC):
        return False
    length = _vint(head, 4)
    if length is None:
        return False
    end = 4 + length[1] + length[0]
    header = head[4 + length[1] : end]
    at = header.find(DOCTYPE_ID)
    if at < 0:
        return False
    doctype = _vint(header, at + 2)
    if doctype is None:
        return False
    start = at + 2 + doctype[1]
    if header[start : start + doctype[0]] != b"webm":
        return False
    return head[end : end + 4] == SEGMENT_ID and size > end + 4


def sniff_video(upload) -> str | None:
    """Return "mp4" or "webm" from the file's bytes, or None."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        size = upload.size
        if _mp4(upload, size):
            return "mp4"
        if _webm(upload, size):
            return "webm"
        return None
    finally:
        upload.seek(position)


def validate_video_file(upload) -> str:
    """Return the file's kind ("mp4", "webm"), or raise a Vietnamese ValidationError naming
    the file. A file already stored was checked when it arrived."""
    name = PurePath(getattr(upload, "name", "") or "video").name
    if getattr(upload, "_committed", False):
        return PurePath(name).suffix.lower().lstrip(".")
    limit = settings.VIDEO_MAX_MB * 2**20
    if upload.size > limit:
        size = vn_number(upload.size / 2**20, 1, strip_zero=True)
        raise ValidationError(
            f"Tệp video “{name}” nặng {size} MB, vượt giới hạn {settings.VIDEO_MAX_MB} MB."
        )
    kind = sniff_video(upload)
    if kind is None:
        raise ValidationError(
            f"Tệp “{name}” không phải là video MP4 hoặc WebM hợp lệ (nội dung tệp không "
            "đúng định dạng)."
        )
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension != kind:
        shown = f"“.{extension}”" if extension else "trống"
        raise ValidationError(
            f"Tệp “{name}” có nội dung {kind.upper()} nhưng phần mở rộng là {shown}; hãy đặt "
            f"tên tệp có đuôi “.{kind}”."
        )
    return kind


def parse_link(link: str) -> tuple[str, str]:
    """(host, id) of a YouTube or Vimeo address; a Vietnamese ValidationError otherwise."""
    text = (link or "").strip()
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValidationError(
            f"“{text[:80]}” không phải là địa chỉ trang web (phải bắt đầu bằng https://)."
        )
    host = parts.hostname.lower()
    bare = host.removeprefix("www.")
    segments = [s for s in parts.path.split("/") if s]
    candidate = ""
    if bare in YOUTUBE_HOSTS:
        if segments[:1] == ["watch"]:
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in ("shorts", "embed", "live", "v"):
            candidate = segments[1]
        if YOUTUBE_ID.fullmatch(candidate):
            return "youtube", candidate
        raise ValidationError(f"Không tìm thấy mã video trong liên kết YouTube “{text[:80]}”.")
    if bare == "youtu.be":
        candidate = segments[0] if segments else ""
        if YOUTUBE_ID.fullmatch(candidate):
            return "youtube", candidate
        raise ValidationError(f"Không tìm thấy mã video trong liên kết YouTube “{text[:80]}”.")
    if bare in ("vimeo.com", "player.vimeo.com"):
        if bare == "player.vimeo.com":
            segments = segments[1:] if segments[:1] == ["video"] else []
        if segments and VIMEO_ID.fullmatch(segments[0]):
            secret = (parse_qs(parts.query).get("h") or [""])[0]
            if not secret and len(segments) > 1:
                secret = segments[1]  # vimeo.com/<id>/<hash>: an unlisted video
            if secret and VIMEO_HASH.fullmatch(secret):
                return "vimeo", f"{segments[0]}:{secret}"
            return "vimeo", segments[0]
        raise ValidationError(f"Không tìm thấy mã video trong liên kết Vimeo “{text[:80]}”.")
    raise ValidationError(
        f"Chỉ nhận liên kết video YouTube hoặc Vimeo; “{host}” không phải trang video được hỗ trợ."
    )


def embed_url(host: str, host_id: str) -> str:
    """The address of the host's player in its privacy-enhanced mode (no cookies before
    playing on YouTube's nocookie domain; Vimeo's ``dnt``)."""
    if host == "youtube":
        return f"{HOSTS['youtube'][1]}/embed/{host_id}?autoplay=1&rel=0"
    if host == "vimeo":
        number, _, secret = host_id.partition(":")
        extra = f"&h={secret}" if secret else ""
        return f"{HOSTS['vimeo'][1]}/video/{number}?dnt=1&autoplay=1{extra}"
    raise ValueError(host)


def frame_origin(host: str) -> str:
    """The one origin a page embedding a video of ``host`` lets the browser frame."""
    return HOSTS[host][1]
