"""Screenshot `synopsis serve` in headless Chromium (how docs/serve.png was made).

    synopsis serve --port 8770 &
    python docs/serve_screenshot.py "http://127.0.0.1:8770/?fontsize=14" docs/serve.png [KEY...]

Opens the page, clicks textual-serve's start box, waits for the reader's first screen, optionally
types KEYs, and saves a PNG.  Needs Debian's `chromium` and aiohttp (a textual-serve dependency);
it talks to Chromium over the DevTools protocol on 127.0.0.1:9333.
"""
import asyncio, base64, json, subprocess, sys, time, urllib.request
import aiohttp

URL, OUT = sys.argv[1], sys.argv[2]
W, H = 1400, 860
chrome = subprocess.Popen(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                           "--remote-debugging-port=9333", f"--window-size={W},{H}",
                           "--hide-scrollbars", "about:blank"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(50):
        try:
            targets = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json", timeout=1))
            page = next(t for t in targets if t["type"] == "page")
            break
        except Exception:
            time.sleep(0.2)

    async def main():
        n = 0
        async with aiohttp.ClientSession() as s:
            async with s.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                async def call(method, **params):
                    nonlocal n
                    n += 1
                    await ws.send_str(json.dumps({"id": n, "method": method, "params": params}))
                    while True:
                        msg = json.loads((await ws.receive()).data)
                        if msg.get("id") == n:
                            return msg.get("result", {})
                await call("Emulation.setDeviceMetricsOverride", width=W, height=H,
                           deviceScaleFactor=1, mobile=False)
                await call("Page.navigate", url=URL)
                await asyncio.sleep(3)
                for t in ("mousePressed", "mouseReleased"):
                    await call("Input.dispatchMouseEvent", type=t, x=W // 2, y=H // 2,
                               button="left", clickCount=1)
                await asyncio.sleep(6)
                for key in sys.argv[3:]:
                    await call("Input.dispatchKeyEvent", type="keyDown", key=key, text=key)
                    await call("Input.dispatchKeyEvent", type="keyUp", key=key)
                    await asyncio.sleep(1)
                shot = await call("Page.captureScreenshot", format="png")
                open(OUT, "wb").write(base64.b64decode(shot["data"]))
    asyncio.run(main())
finally:
    chrome.terminate()
    chrome.wait(timeout=10)
