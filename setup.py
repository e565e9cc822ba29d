"""Build hook: ship the top-level ``resources/`` inside the package as ``dangzhibu_desktop/resources``.

Everything else about the distribution is declared in pyproject.toml. setuptools cannot map a
folder outside the package into it while also discovering subpackages automatically, so the
copy is done here; ``dangzhibu_desktop.paths.resource_path`` then finds the resources the same
way in a wheel as in the frozen build (``packaging/dangzhibu.spec`` bundles them at the same place).
"""

from __future__ import annotations

import os

from setuptools import setup
from setuptools.command.build_py import build_py

RESOURCES = "resources"
TARGET = os.path.join("dangzhibu_desktop", "resources")
SKIP_DIRS = {"__pycache__"}


class BuildPyWithResources(build_py):
    """``build_py`` that also copies ``resources/`` into the built package."""

    def run(self):
        super().run()
        # An editable install runs from the checkout, where paths.py finds resources/ directly.
        if getattr(self, "editable_mode", False) or not os.path.isdir(RESOURCES):
            return
        for src, target in self._resource_files():
            self.mkpath(os.path.dirname(target))
            self.copy_file(src, target, preserve_mode=False)

    def _resource_files(self):
        for folder, dirs, files in os.walk(RESOURCES):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or name.endswith((".pyc", ".pyo")):
                    continue
                src = os.path.join(folder, name)
                rel = os.path.relpath(src, RESOURCES)
                yield src, os.path.join(self.build_lib, TARGET, rel)


setup(cmdclass={"build_py": BuildPyWithResources})
