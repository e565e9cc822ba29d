"""Password protection for what leaves the PC (the data package): AES-256-GCM with a key from
Argon2id, both from the ``cryptography`` library.

A sealed file is::

    MAGIC (16 bytes) | header length (2 bytes, big-endian) | header (JSON) | ciphertext + tag

The header names the algorithms and holds the salt, the key-derivation parameters and the
nonce; it is authenticated with the ciphertext (GCM associated data), so no byte of the file
can change unnoticed. A wrong password and a damaged file cannot be told apart by design:
both are refused with one sentence, and nothing is written.
"""

from __future__ import annotations

import base64
import json
import os
import struct

from .errors import LedgerError

MAGIC = b"DZB-SEALED-PKG\x00\x01"
MIN_PASSWORD = 8
# Argon2id as RFC 9106's second recommendation (64 MiB, 3 passes, 4 lanes): ~0.2 s on an office PC.
ARGON2 = {"memory_cost": 64 * 1024, "iterations": 3, "lanes": 4}
_MAX_HEADER = 4096


class SealedPackageError(LedgerError):
    """A sealed package that cannot be opened (wrong password, damaged, unknown kind)."""


class PasswordNeeded(SealedPackageError):
    """The package is sealed and no password was given."""


WRONG_PASSWORD = "密码不正确，无法打开加密的数据包（也可能是文件已损坏）。请核对密码后重试，台账未作任何改动"
NEEDS_PASSWORD = "这个数据包已设置密码，请输入导出时设置的密码"


def is_sealed(data: bytes) -> bool:
    return data[:len(MAGIC)] == MAGIC


def check_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise LedgerError(f"数据包密码至少{MIN_PASSWORD}位，请设置一个更长的密码")
    return password


def _key(password: str, salt: bytes, params: dict) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    return Argon2id(salt=salt, length=32, iterations=params["iterations"], lanes=params["lanes"],
                    memory_cost=params["memory_cost"]).derive(password.encode("utf-8"))


def seal(data: bytes, password: str) -> bytes:
    """``data`` encrypted under ``password`` (see the module docstring)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    check_password(password)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = json.dumps({"kdf": "argon2id", **ARGON2, "salt": base64.b64encode(salt).decode(),
                         "cipher": "aes-256-gcm", "nonce": base64.b64encode(nonce).decode()},
                        separators=(",", ":")).encode("ascii")
    head = MAGIC + struct.pack(">H", len(header)) + header
    return head + AESGCM(_key(password, salt, ARGON2)).encrypt(nonce, data, head)


def unseal(data: bytes, password: str | None) -> bytes:
    """The plain bytes of a sealed file; SealedPackageError (PasswordNeeded without one)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not is_sealed(data):
        raise SealedPackageError("这不是加密的数据包")
    if not password:
        raise PasswordNeeded(NEEDS_PASSWORD)
    damaged = SealedPackageError("加密的数据包已损坏，无法打开，台账未作任何改动")
    try:
        (n,) = struct.unpack(">H", data[len(MAGIC):len(MAGIC) + 2])
        if n > _MAX_HEADER:
            raise damaged
        end = len(MAGIC) + 2 + n
        header = json.loads(data[len(MAGIC) + 2:end].decode("ascii"))
        if header.get("kdf") != "argon2id" or header.get("cipher") != "aes-256-gcm":
            raise SealedPackageError("数据包使用了本软件不认识的加密方式，请升级软件")
        params = {k: header[k] for k in ARGON2}
        if not all(isinstance(v, int) and 0 < v for v in params.values()) or params["memory_cost"] > 1 << 21 \
                or params["iterations"] > 64 or params["lanes"] > 64:
            raise damaged  # a file must not make us spend gigabytes or minutes
        salt, nonce = base64.b64decode(header["salt"]), base64.b64decode(header["nonce"])
        key = _key(password, salt, params)
        return AESGCM(key).decrypt(nonce, data[end:], data[:end])
    except InvalidTag:
        raise SealedPackageError(WRONG_PASSWORD) from None
    except SealedPackageError:
        raise
    except (ValueError, KeyError, TypeError, struct.error, UnicodeDecodeError):
        raise damaged from None
