#!/usr/bin/env python3
"""A local package index from the Python packages this machine has installed.

    python3 wheelhouse.py OUT flask pytest   (the tools' LocalPackageIndex runs it)

Repacks each named distribution and everything it requires (for this Python, extras aside) as a
pure-Python wheel, and writes OUT/simple/ as a PEP 503 index of them: what pip installs from with
PIP_INDEX_URL=http://host:port/simple/ when the machine reaches no PyPI. The packages come from the
system (Debian's python3-flask and python3-pytest, for instance); compiled speed-ups (.so files) are
left out, so a wheel is py3-none-any and the package's pure-Python fallback runs instead.
"""
import base64
import hashlib
import html
import importlib.metadata as metadata
import pathlib
import re
import subprocess
import sys
import zipfile

from packaging.markers import default_environment
from packaging.requirements import Requirement


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def debian_requirements(dist):
    """What Debian's package of dist depends on, as distribution names: Debian takes install_requires out of the
    packages it ships as egg-info (dpkg resolves them), but a wheel must name them for pip."""
    try:
        owner = subprocess.run(["dpkg", "-S", str(dist._path)], capture_output=True, text=True, check=True).stdout
        package = owner.split(":", 1)[0].strip()
        depends = subprocess.run(["dpkg-query", "-W", "-f=${Depends}", package], capture_output=True, text=True,
                                 check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    names = []
    for alternative in depends.split(","):
        debian = alternative.split("|")[0].split("(")[0].split(":")[0].strip()
        if debian.startswith("python3-"):
            try:
                names.append(metadata.distribution(debian[len("python3-"):]).metadata["Name"])
            except metadata.PackageNotFoundError:
                pass
    return names


def requirements(dist):
    """What dist requires on this Python (extras aside): Requires-Dist, else what Debian's package depends on."""
    lines = [line for line in dist.requires or [] if "extra ==" not in line]
    if not lines and str(dist._path).endswith(".egg-info"):
        lines = debian_requirements(dist)
    found = []
    for line in lines:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(default_environment()):
            found.append(line)
    return found


def top_level(dist):
    """The importable names dist puts in site-packages: top_level.txt, else what its RECORD lists."""
    text = dist.read_text("top_level.txt")
    if text:
        return [name for name in text.split() if name]
    names = set()
    for file in dist.files or []:
        first = file.parts[0]
        if not first.endswith((".dist-info", ".egg-info")) and first != "..":
            names.add(first[:-3] if first.endswith(".py") else first)
    return sorted(names)


def metadata_text(dist, version):
    """METADATA as a wheel has it: Debian's local version (1.0.0+repack) is dropped, as in the wheel's name, and an
    egg-info's PKG-INFO lacks Requires-Dist, so they are added."""
    text = dist.read_text("METADATA") or dist.read_text("PKG-INFO")
    head, _, body = text.partition("\n\n")
    lines = ["Version: " + version if line.startswith("Version:") else line for line in head.splitlines()
             if not line.startswith("Requires-Dist:")]
    lines += ["Requires-Dist: " + requirement for requirement in requirements(dist)]
    return "\n".join(lines) + "\n\n" + body


def wheel(dist, out):
    name = re.sub(r"[^\w\d.]+", "_", dist.metadata["Name"])
    version = re.sub(r"[^\w\d.+]+", "_", dist.version).split("+")[0]
    info = f"{name}-{version}.dist-info"
    site = pathlib.Path(dist.locate_file(""))
    entries = {}
    for top in top_level(dist):
        package = site / top
        module = site / (top + ".py")
        if package.is_dir():
            for path in sorted(package.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".so", ".pyc"):
                    entries[path.relative_to(site).as_posix()] = path.read_bytes()
        elif module.is_file():
            entries[module.name] = module.read_bytes()
    if not entries:
        raise SystemExit(f"wheelhouse: found no files of {dist.metadata['Name']} in {site}")
    entries[f"{info}/METADATA"] = metadata_text(dist, version).encode()
    entries[f"{info}/WHEEL"] = b"Wheel-Version: 1.0\nGenerator: samokoder-wheelhouse\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    entry_points = dist.read_text("entry_points.txt")
    if entry_points:
        entries[f"{info}/entry_points.txt"] = entry_points.encode()
    record = []
    for path, data in entries.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    entries[f"{info}/RECORD"] = ("\n".join(record) + "\n").encode()
    folder = out / normalize(dist.metadata["Name"])
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, data in sorted(entries.items()):
            info_entry = zipfile.ZipInfo(path, date_time=(2026, 1, 1, 0, 0, 0))
            info_entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info_entry, data)
    return target


def main(out, names):
    simple = pathlib.Path(out) / "simple"
    simple.mkdir(parents=True, exist_ok=True)
    wanted, done = list(names), {}
    while wanted:
        name = normalize(wanted.pop())
        if name in done:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"wheelhouse: {name} is not installed here (Debian: apt-get install -y python3-{name})")
        done[name] = wheel(dist, simple)
        wanted += [Requirement(line).name for line in requirements(dist)]
    for name, target in done.items():
        link = html.escape(target.name)
        (simple / name / "index.html").write_text(f"<!DOCTYPE html>\n<html><body><a href=\"{link}\">{link}</a></body></html>\n")
    links = "".join(f"<a href=\"{name}/\">{name}</a>\n" for name in sorted(done))
    (simple / "index.html").write_text(f"<!DOCTYPE html>\n<html><body>\n{links}</body></html>\n")
    print(" ".join(sorted(done)))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit("usage: wheelhouse.py OUT DISTRIBUTION...")
    main(sys.argv[1], sys.argv[2:])
