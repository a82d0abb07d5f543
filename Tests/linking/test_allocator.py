"""The almakit binary allocates with mimalloc rather than glibc's malloc.

Package.swift links libmimalloc for speed, but linking alone does not make
it the allocator: the dynamic linker binds each library's `malloc` to the
first library that defines it, so mimalloc only takes over while it comes
before libc in the binary's list of libraries. A change of link order would
silently bring glibc's malloc back; the dynamic linker's own trace
(`LD_DEBUG=bindings`) says where every call goes."""
import os
import re
import subprocess

from almakit_testing import ALMAKIT

ALLOCATION = {"malloc", "free", "calloc", "realloc", "malloc_usable_size", "posix_memalign", "aligned_alloc"}
BINDING = re.compile(r"binding file (\S+) \[\d+\] to (\S+) \[\d+\]: normal symbol `([^']+)'")


def allocation_bindings():
    """(calling library, providing library, symbol) for every allocation function bound while almakit runs."""
    # LD_BIND_NOW: every library's references are bound at start-up, not
    # only those that `--help` happens to call.
    run = subprocess.run([str(ALMAKIT), "--help"], env={**os.environ, "LD_DEBUG": "bindings", "LD_BIND_NOW": "1"},
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-2000:]
    found = []
    for line in run.stderr.splitlines():
        match = BINDING.search(line)
        if match and match.group(3) in ALLOCATION:
            found.append(match.groups())
    return found


def test_every_allocation_goes_to_mimalloc():
    bindings = allocation_bindings()
    callers = {os.path.basename(caller) for caller, _, _ in bindings}
    # The Swift runtime and libcmark allocate for every page: both must be seen.
    assert any(name.startswith("libswiftCore") for name in callers), callers
    assert any(name.startswith("libcmark") for name in callers), callers
    wrong = [f"{caller} -> {provider} ({symbol})" for caller, provider, symbol in bindings if "libmimalloc" not in provider]
    assert not wrong, "allocation calls not bound to mimalloc:\n" + "\n".join(wrong)


def test_the_size_of_a_block_is_asked_of_the_allocator_that_made_it():
    # Swift's arrays and strings ask malloc_usable_size for their capacity:
    # answered by glibc for a block mimalloc made, it would be wrong.
    providers = {provider for _, provider, symbol in allocation_bindings() if symbol == "malloc_usable_size"}
    assert providers and all("libmimalloc" in provider for provider in providers), providers
