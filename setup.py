"""Build the C++ extension interreg._core with CMake (metadata lives in pyproject.toml)."""
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


class CMakeExtension(Extension):
    def __init__(self, name):
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        # A stable build folder: setuptools' editable builds use a fresh temporary
        # folder each time, which would make every reinstall a full rebuild.
        tag = sysconfig.get_config_var("SOABI") or "py"
        build_dir = ROOT / "build" / f"cmake-{tag}"
        build_dir.mkdir(parents=True, exist_ok=True)
        build_type = os.environ.get("INTERREG_BUILD_TYPE", "RelWithDebInfo")
        subprocess.run(
            ["cmake", "-S", str(ROOT), "-B", str(build_dir), "-G", "Ninja",
             f"-DCMAKE_BUILD_TYPE={build_type}", f"-DPython3_EXECUTABLE={sys.executable}",
             "-DINTERREG_TESTS=OFF"],
            check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core"], check=True)
        built = next(build_dir.glob("_core*.so"))
        target = Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(ext_modules=[CMakeExtension("interreg._core")], cmdclass={"build_ext": CMakeBuild})
