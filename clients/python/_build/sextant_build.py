"""A PEP 517 build backend in the standard library only, so `pip install ./clients/python`
needs no network and no setuptools or wheel: the distribution is one module file."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import tarfile
import zipfile
from typing import Dict, List, Optional

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULE = "sextant_client.py"
NAME = "sextant-client"
DIST = "sextant_client"


def _version() -> str:
    with open(os.path.join(HERE, MODULE), encoding="utf-8") as source:
        match = re.search(r'^__version__ = "([^"]+)"', source.read(), re.M)
    if not match:
        raise RuntimeError(f"{MODULE} has no __version__")
    return match.group(1)


def _metadata() -> str:
    with open(os.path.join(HERE, "README.md"), encoding="utf-8") as readme:
        description = readme.read()
    return (
        "Metadata-Version: 2.1\n"
        f"Name: {NAME}\n"
        f"Version: {_version()}\n"
        "Summary: Report runs, deployments and production feedback to Sextant from any pipeline\n"
        "License: MIT\n"
        "Requires-Python: >=3.9\n"
        "Provides-Extra: pandas\n"
        'Requires-Dist: pandas; extra == "pandas"\n'
        "Description-Content-Type: text/markdown\n\n"
        f"{description}"
    )


WHEEL = "Wheel-Version: 1.0\nGenerator: sextant_build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"


def _record_line(path: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{path},sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, str]] = None) -> List[str]:
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, str]] = None) -> List[str]:
    return []


def _write_wheel(wheel_directory: str, files: Dict[str, bytes]) -> str:
    info = f"{DIST}-{_version()}.dist-info"
    files = {
        **files,
        f"{info}/METADATA": _metadata().encode("utf-8"),
        f"{info}/WHEEL": WHEEL.encode("utf-8"),
        f"{info}/top_level.txt": b"sextant_client\n",
    }
    record = [_record_line(path, data) for path, data in files.items()] + [f"{info}/RECORD,,"]
    files[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode("utf-8")
    name = f"{DIST}-{_version()}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w", zipfile.ZIP_DEFLATED) as wheel:
        for path, data in files.items():
            wheel.writestr(zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0)), data)
    return name


def build_wheel(
    wheel_directory: str,
    config_settings: Optional[Dict[str, str]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    with open(os.path.join(HERE, MODULE), "rb") as source:
        return _write_wheel(wheel_directory, {MODULE: source.read()})


def build_editable(
    wheel_directory: str,
    config_settings: Optional[Dict[str, str]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    """`pip install -e`: a .pth file pointing at this folder."""
    return _write_wheel(wheel_directory, {"sextant_client_editable.pth": (HERE + "\n").encode()})


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, str]] = None) -> str:
    base = f"{DIST}-{_version()}"
    name = f"{base}.tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as sdist:
        for path in (MODULE, "README.md", "pyproject.toml", "_build/sextant_build.py"):
            sdist.add(os.path.join(HERE, path), f"{base}/{path}")
        pkg_info = _metadata().encode("utf-8")
        entry = tarfile.TarInfo(f"{base}/PKG-INFO")
        entry.size = len(pkg_info)
        sdist.addfile(entry, io.BytesIO(pkg_info))
    return name
