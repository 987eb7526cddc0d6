# Uploads the interop form to a URL with Python's requests, as a user would write it.
#   upload_client.py requests URL NOTES BIG    files=/data= (requests builds the body in memory)
#   upload_client.py toolbelt URL NOTES BIG    requests_toolbelt's streaming MultipartEncoder
# Prints one JSON line: the status, the Content-Type sent, and the server's body.
import json
import sys

import requests

PHOTO = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0d"


def main():
    mode, url, notes, big = sys.argv[1:5]
    fields = [("title", "Holiday \u2600 in Z\u00fcrich"), ("tag", "sea"), ("tag", "sun")]
    with open(notes, "rb") as n, open(big, "rb") as b:
        files = [("notes", ("notes.txt", n, "text/plain")),
                 ("big", ("big.bin", b, "application/octet-stream")),
                 ("photo", ("caf\u00e9 photo.png", PHOTO, "image/png"))]
        if mode == "requests":
            r = requests.post(url, data=fields, files=files, timeout=20)
        else:
            from requests_toolbelt import MultipartEncoder
            encoder = MultipartEncoder(fields=fields + files)
            r = requests.post(url, data=encoder, headers={"Content-Type": encoder.content_type}, timeout=20)
    print(json.dumps({"status": r.status_code, "sent": r.request.headers.get("Content-Type"), "body": r.text}))


if __name__ == "__main__":
    main()
