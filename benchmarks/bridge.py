#!/usr/bin/env python3
"""Benchmark dokaseca_cluster and dokaseca_gitops_bridge against the kind test tool.

Each run applies one configuration from nothing (a cluster, then ArgoCD v3.5.1's install
manifest from ../shared/fixtures, the cluster Secret and the App of Apps), plans it again
(a no-op refresh), and destroys it, through the real terraform binary with provider logs at
debug level. Measured:

- ArgoCD objects applied per second (the provider's "Applied N ArgoCD objects" with its
  elapsed time);
- API requests of the bridge's no-op refresh, and how many of them write (the provider logs
  its client's counters);
- the delay between each ArgoCD Deployment/StatefulSet becoming available (seen by this script
  polling the API server every 20 ms) and the provider noticing it (its "... is available"
  log line);
- the provider's own time in the cluster's create, read and delete, apart from the time spent
  in `kind` (a shim in front of the kind test tool times every invocation).

The cluster is the kind test tool's real control plane on loopback; its kubelet stand-in makes
Pods ready as soon as they are scheduled, so the Deployments' availability comes from the real
controllers. Python standard library only. `--write` updates the platform section of
BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import base64
import datetime
import json
import os
import re
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import http.client
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run  # noqa: E402  (the start-up benchmark: its mirror, CLI configuration and figures helpers)
from run import Sample, log  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BENCHMARKS_MD = REPO / "BENCHMARKS.md"
START = "<!-- platform-figures:start (written by benchmarks/bridge.py --write) -->"
END = "<!-- platform-figures:end -->"
MANIFEST = (REPO.parent / "shared/fixtures/argocd-v3.5.1/install.yaml").resolve()
TARGET_NOTICE_MS = 1000.0

CONFIGURATION = """
terraform {{
  required_providers {{
    dokaseca = {{ source = "registry.terraform.io/dokaseca/dokaseca" }}
  }}
}}

provider "dokaseca" {{
  kind_path = "{kind}"
}}

resource "dokaseca_cluster" "bench" {{
  name = "bench"
}}

resource "dokaseca_gitops_bridge" "bench" {{
  cluster        = dokaseca_cluster.bench.connection
  argocd         = {{ manifest_url = "file://{manifest}" }}
  cluster_secret = {{ name = "bench", environment = "dev", labels = {{ enable_kyverno = "true" }} }}
  repositories = {{
    addons    = {{ url = "https://github.com/thatmlopsguy/dokaseca-addons", revision = "main", basepath = "argocd", path = "appsets" }}
    workloads = {{ url = "https://github.com/thatmlopsguy/dokaseca-workloads", revision = "main", basepath = "argocd", path = "workloads" }}
  }}
}}
"""

# A kind in front of the test tool that appends each invocation's wall time to a file.
KIND_SHIM = """#!/usr/bin/env python3
import json, subprocess, sys, time
start = time.time()
code = subprocess.call([{tool!r}] + sys.argv[1:])
with open({timings!r}, "a") as f:
    f.write(json.dumps({{"args": sys.argv[1:], "start": start, "seconds": time.time() - start}}) + "\\n")
sys.exit(code)
"""

LOG_LINE = re.compile(r"^(\S+) \[(\w+)\]\s+provider\.terraform-provider-dokaseca[^:]*: (.*)$")


def parse_time(text: str) -> float:
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def seconds(text: str) -> float:
    """A Swift Duration as logged: `14.869424007 seconds`."""
    return float(text.split()[0])


def provider_log(path: Path) -> list[tuple[float, str]]:
    """(time, message with metadata) of every provider line in a TF_LOG_PATH file."""
    lines = []
    for line in path.read_text(errors="replace").splitlines():
        match = LOG_LINE.match(line)
        if match:
            lines.append((parse_time(match.group(1)), match.group(3)))
    return lines


def metadata(message: str, key: str) -> str | None:
    match = re.search(rf'{key}="?([^"\s]+(?: seconds)?)"?', message)
    return match.group(1) if match else None


class Poller(threading.Thread):
    """Polls the ArgoCD workloads every 20 ms and records when each first became available."""

    def __init__(self, kind: str, environment: dict[str, str], directory: Path):
        super().__init__(daemon=True)
        self.kind, self.environment, self.directory = kind, environment, directory
        self.available: dict[str, float] = {}
        self.stop = threading.Event()

    def context(self) -> tuple[str, ssl.SSLContext] | None:
        result = subprocess.run(
            [self.kind, "get", "kubeconfig", "--name", "bench"], env=self.environment, capture_output=True, text=True)
        if result.returncode != 0:
            return None
        fields = dict(re.findall(r"^\s*([a-z-]+(?:-data)?|server): (\S+)$", result.stdout, re.M))
        files = {}
        for key in ["certificate-authority-data", "client-certificate-data", "client-key-data"]:
            files[key] = self.directory / key
            files[key].write_bytes(base64.b64decode(fields[key]))
        context = ssl.create_default_context(cafile=str(files["certificate-authority-data"]))
        context.load_cert_chain(str(files["client-certificate-data"]), str(files["client-key-data"]))
        return fields["server"], context

    def run(self) -> None:
        connection = None
        while not self.stop.is_set() and connection is None:
            connection = self.context()
            time.sleep(0.2)
        if connection is None:
            return
        server, context = connection
        url = urllib.parse.urlsplit(server)
        # One kept-alive connection: a TLS handshake per poll would make the poller the slow side.
        client = http.client.HTTPSConnection(url.hostname, url.port, context=context, timeout=2)
        while not self.stop.is_set():
            for kind, plural in [("Deployment", "deployments"), ("StatefulSet", "statefulsets")]:
                try:
                    client.request("GET", f"/apis/apps/v1/namespaces/argocd/{plural}")
                    items = json.load(client.getresponse())["items"]
                except Exception:
                    client.close()
                    continue
                now = time.time()
                for item in items:
                    name = f"{kind} argocd/{item['metadata']['name']}"
                    spec, status = item["spec"], item.get("status", {})
                    replicas = spec.get("replicas", 1)
                    if kind == "Deployment":
                        ready = status.get("availableReplicas", 0) >= replicas and status.get("updatedReplicas", 0) >= replicas
                    else:
                        ready = status.get("readyReplicas", 0) >= replicas and status.get("currentRevision") == status.get("updateRevision")
                    if ready and status.get("observedGeneration", 0) >= item["metadata"].get("generation", 0):
                        self.available.setdefault(name, now)
            time.sleep(0.02)


def one_run(args: argparse.Namespace, directory: Path) -> dict:
    terraform_setup = run.Terraform(Path(args.terraform), directory, [run.ours_provider(Path(args.provider))])
    timings = directory / "kind-timings.jsonl"
    shim = directory / "kind"
    shim.write_text(KIND_SHIM.format(tool=str(Path(args.kind).resolve()), timings=str(timings)))
    shim.chmod(0o755)
    workspace = directory / "workspace"
    workspace.mkdir()
    (workspace / "main.tf").write_text(CONFIGURATION.format(kind=shim, manifest=MANIFEST))
    environment = dict(terraform_setup.env, DOKASECA_KIND_HOME=str(directory / "kind-home"), TF_LOG_PROVIDER="DEBUG")
    if args.kube_bin:
        environment["DOKASECA_KUBE_BIN"] = args.kube_bin

    def terraform(phase: str, *arguments: str) -> tuple[list[tuple[float, str]], list[dict]]:
        log_path = directory / f"{phase}.log"
        timings.write_text("")
        result = subprocess.run(
            [args.terraform, *arguments], cwd=workspace, env=dict(environment, TF_LOG_PATH=str(log_path)),
            capture_output=True, text=True)
        if result.returncode not in (0, 2):
            raise SystemExit(f"terraform {' '.join(arguments)} failed:\n{result.stdout}\n{result.stderr}")
        kind_calls = [json.loads(line) for line in timings.read_text().splitlines() if line]
        return provider_log(log_path), kind_calls

    subprocess.run([args.terraform, "init", "-no-color"], cwd=workspace, env=environment, capture_output=True, check=True)
    poller = Poller(str(shim), environment, directory)
    poller.start()
    try:
        applied, apply_kind = terraform("apply", "apply", "-auto-approve", "-no-color")
    finally:
        poller.stop.set()
        poller.join()
    planned, plan_kind = terraform("plan", "plan", "-no-color", "-detailed-exitcode")
    destroyed, destroy_kind = terraform("destroy", "destroy", "-auto-approve", "-no-color")

    def rpc(lines: list[tuple[float, str]], name: str) -> float:
        return sum(seconds(metadata(message, "elapsed")) for _, message in lines if message.startswith(name + " done"))

    install = next(message for _, message in applied if message.startswith("Applied ") and "ArgoCD objects" in message)
    objects = int(install.split()[1])
    refresh = next(message for _, message in planned if message.startswith("Refreshed dokaseca_gitops_bridge"))
    noticed = {
        message.split(" (")[0].split(" is available")[0]: when for when, message in applied if " is available" in message}
    delays = {name: (noticed[name] - seen) * 1000 for name, seen in poller.available.items() if name in noticed}
    kind_seconds = lambda calls: sum(call["seconds"] for call in calls)  # noqa: E731
    return {
        "objects": objects,
        "install_seconds": seconds(metadata(install, "elapsed")),
        "refresh_requests": int(metadata(refresh, "requests")),
        "refresh_writes": int(metadata(refresh, "writes")),
        "bootstrap_objects": int(metadata(refresh, "bootstrap_objects")),
        "delays_ms": delays,
        "cluster": {
            "create": (rpc(applied, "ApplyResourceChange dokaseca_cluster"), kind_seconds(apply_kind)),
            "read": (rpc(planned, "ReadResource dokaseca_cluster"), kind_seconds(plan_kind)),
            "delete": (rpc(destroyed, "ApplyResourceChange dokaseca_cluster"), kind_seconds(destroy_kind)),
        },
        "bridge": {
            "create": rpc(applied, "ApplyResourceChange dokaseca_gitops_bridge"),
            "read": rpc(planned, "ReadResource dokaseca_gitops_bridge"),
            "delete": rpc(destroyed, "ApplyResourceChange dokaseca_gitops_bridge"),
        },
    }


def render(runs: list[dict], args: argparse.Namespace) -> str:
    rate, requests, delays = Sample(), Sample(), Sample()
    for result in runs:
        rate.add(result["objects"] / result["install_seconds"])
        requests.add(result["refresh_requests"])
        for delay in result["delays_ms"].values():
            delays.add(delay)
    managed = runs[0]["objects"] + 1 + runs[0]["bootstrap_objects"]
    writes = max(result["refresh_writes"] for result in runs)
    lines = [
        "### Machine", "",
        f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; nproc {os.cpu_count()}; "
        f"load average at start {args.load_at_start:.2f}",
        f"- provider: `{args.provider}` ({Path(args.provider).stat().st_size / 1e6:.1f} MB); runs: {len(runs)}",
        f"- terraform: {subprocess.run([args.terraform, 'version'], capture_output=True, text=True).stdout.splitlines()[0]}",
        "", "### GitOps Bridge", "",
        "| measure | median | min | max | target |", "|---|---:|---:|---:|---|",
        f"| ArgoCD objects applied per second ({runs[0]['objects']} objects) | "
        f"{rate.median:.1f} | {rate.minimum:.1f} | {max(rate.values):.1f} | – |",
        f"| API requests of a no-op refresh ({managed} managed objects) | {requests.median:.0f} | "
        f"{requests.minimum:.0f} | {max(requests.values):.0f} | ≤ {managed}, writes 0: "
        f"{'met' if max(requests.values) <= managed and writes == 0 else 'NOT met'} ({writes} writes) |",
        f"| workload available → provider noticed, ms ({len(delays)} workloads) | {delays.median:.0f} | "
        f"{delays.minimum:.0f} | {max(delays.values):.0f} | ≤ {TARGET_NOTICE_MS:.0f}: "
        f"{'met' if max(delays.values) <= TARGET_NOTICE_MS else 'NOT met'} |",
        "", "### Time in the provider and in kind (s, median over runs)", "",
        "| operation | RPC total | of which `kind` | provider's own |", "|---|---:|---:|---:|",
    ]
    for operation in ["create", "read", "delete"]:
        total = Sample([result["cluster"][operation][0] for result in runs])
        kind = Sample([result["cluster"][operation][1] for result in runs])
        own = Sample([result["cluster"][operation][0] - result["cluster"][operation][1] for result in runs])
        lines.append(f"| `dokaseca_cluster` {operation} | {total.median:.2f} | {kind.median:.2f} | {own.median:.2f} |")
    for operation in ["create", "read", "delete"]:
        total = Sample([result["bridge"][operation] for result in runs])
        lines.append(f"| `dokaseca_gitops_bridge` {operation} | {total.median:.2f} | – | {total.median:.2f} |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provider", required=True)
    parser.add_argument("--kind", default=str(REPO / ".build/debug/dokaseca-kind"))
    parser.add_argument("--terraform", default="/usr/local/bin/terraform")
    parser.add_argument("--kube-bin", default=os.environ.get("DOKASECA_KUBE_BIN"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    args.load_at_start = os.getloadavg()[0]
    runs = []
    for index in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="dokaseca-platform-bench-") as directory:
            log(f"run {index + 1}/{args.runs}")
            runs.append(one_run(args, Path(directory)))
    figures = render(runs, args)
    print(figures)
    if args.write:
        text = BENCHMARKS_MD.read_text()
        block = f"{START}\n\n{figures}\n{END}"
        if START in text:
            text = text.split(START, 1)[0] + block + text.split(END, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
        BENCHMARKS_MD.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
