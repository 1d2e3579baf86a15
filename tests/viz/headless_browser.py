"""Loads a self-contained HTML report in Debian's headless Chromium and returns the decoded width
of every picture (0 for one that does not decode), so report tests can check that the page opens
offline and shows its images. Returns None when no chromium is on PATH."""

import re
import shutil
import subprocess


def picture_widths(html_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        return None
    page = open(html_path, encoding="utf-8").read()
    # The probe writes the pictures' naturalWidth into the DOM once the page has loaded.
    probe = ('<script>window.addEventListener("load",()=>{document.body.setAttribute('
             '"data-widths",[...document.images].map(i=>i.naturalWidth).join(","));});'
             "</script></body>")
    checked = html_path[:-len(".html")] + "_check.html"
    with open(checked, "w", encoding="utf-8") as f:
        f.write(page.replace("</body>", probe))
    done = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--virtual-time-budget=5000", "--dump-dom", "file://" + checked],
                          capture_output=True, text=True, timeout=120)
    found = re.findall(r'data-widths="([^"]*)"', done.stdout)
    if done.returncode != 0 or not found:
        raise RuntimeError(f"chromium did not load {html_path}: exit {done.returncode}, "
                           f"{done.stderr[-400:]}")
    return [int(w) for w in found[0].split(",") if w]
