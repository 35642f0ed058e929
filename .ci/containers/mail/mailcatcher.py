"""A mail catcher for machines that cannot pull Mailpit: SMTP on 1025, and on 8025 the part of Mailpit's HTTP API
(v1) that the tests read, with the same paths and JSON field names, so a test reads this and real Mailpit alike:
  GET    /api/v1/messages            summaries, newest first ({"total", "count", "messages": [...]})
  GET    /api/v1/search?query=...    the same, filtered: to:ADDRESS, from:ADDRESS, subject:TEXT, or plain text
  GET    /api/v1/message/{ID}        one message: From, To, Subject, Date, Text, HTML
  GET    /api/v1/message/{ID}/raw    the message as received (RFC 5322)
  DELETE /api/v1/messages            delete all
  GET    /livez, /readyz             200
  GET    /                           a plain list of the mails, for a person
Mail is kept in memory only and lost when the container stops.
"""
import html
import json
import re
import signal
import sys
import threading
import uuid
from datetime import datetime, timezone
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from aiosmtpd.controller import Controller

MESSAGES = []  # newest last
LOCK = threading.Lock()


def addresses(value):
    return [{"Name": name, "Address": address} for name, address in getaddresses([value or ""]) if address]


def parts(message):
    text, body_html = "", ""
    for part in message.walk():
        if part.is_multipart() or part.get_content_disposition() == "attachment":
            continue
        if part.get_content_type() == "text/plain" and not text:
            text = part.get_content()
        elif part.get_content_type() == "text/html" and not body_html:
            body_html = part.get_content()
    return text, body_html


class Handler:
    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = BytesParser(policy=policy.default).parsebytes(raw)
        text, body_html = parts(message)
        entry = {
            "ID": uuid.uuid4().hex,
            "MessageID": (message.get("Message-ID") or "").strip("<>"),
            "From": (addresses(message.get("From")) or [{"Name": "", "Address": envelope.mail_from}])[0],
            "To": addresses(message.get("To")),
            "Cc": addresses(message.get("Cc")),
            "Bcc": [],
            "ReplyTo": addresses(message.get("Reply-To")),
            "Subject": str(message.get("Subject") or ""),
            "Created": datetime.now(timezone.utc).isoformat(),
            "Date": str(message.get("Date") or ""),
            "Size": len(raw),
            "Tags": [],
            "Read": False,
            "Attachments": 0,
            "Snippet": " ".join(text.split())[:250],
            "Text": text,
            "HTML": body_html,
            "raw": raw,
        }
        with LOCK:
            MESSAGES.append(entry)
        return "250 Message accepted for delivery"


SUMMARY = ["ID", "MessageID", "Read", "From", "To", "Cc", "Bcc", "ReplyTo", "Subject", "Created", "Tags", "Size",
           "Attachments", "Snippet"]
DETAIL = ["ID", "MessageID", "From", "To", "Cc", "Bcc", "ReplyTo", "Subject", "Date", "Tags", "Text", "HTML", "Size"]


def matches(entry, query):
    for term in re.findall(r'(\w+:)?"([^"]*)"|(\S+)', query):
        prefix, quoted, bare = term
        field, value = (prefix[:-1].lower(), quoted) if prefix else ("", quoted or bare)
        if not prefix and ":" in value:
            field, value = value.split(":", 1)
            field = field.lower()
        value = value.lower()
        if field in ("to", "from"):
            people = entry["To"] + entry["Cc"] if field == "to" else [entry["From"]]
            if not any(value in (p["Address"] + " " + p["Name"]).lower() for p in people):
                return False
        elif field == "subject":
            if value not in entry["Subject"].lower():
                return False
        elif value not in (entry["Subject"] + " " + entry["Text"]).lower():
            return False
    return True


class Api(BaseHTTPRequestHandler):
    def send(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else (json.dumps(body) if content_type == "application/json" else body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type + ("; charset=utf-8" if content_type != "message/rfc822" else ""))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def listing(self, entries):
        newest_first = [{key: e[key] for key in SUMMARY} for e in reversed(entries)]
        return {"total": len(entries), "unread": len(entries), "count": len(entries), "messages_count": len(entries),
                "start": 0, "tags": [], "messages": newest_first}

    def do_GET(self):
        url = urlparse(self.path)
        with LOCK:
            entries = list(MESSAGES)
        if url.path in ("/livez", "/readyz"):
            return self.send(200, "ok", "text/plain")
        if url.path == "/api/v1/messages":
            return self.send(200, self.listing(entries))
        if url.path == "/api/v1/search":
            query = parse_qs(url.query).get("query", [""])[0]
            return self.send(200, self.listing([e for e in entries if matches(e, query)]))
        found = re.fullmatch(r"/api/v1/message/([0-9a-f]+)(/raw)?", url.path)
        if found:
            entry = next((e for e in entries if e["ID"] == found.group(1)), None)
            if entry is None:
                return self.send(404, "message not found", "text/plain")
            if found.group(2):
                return self.send(200, entry["raw"], "message/rfc822")
            return self.send(200, {key: entry[key] for key in DETAIL})
        if url.path == "/":
            rows = "".join("<li>%s &mdash; %s &mdash; <a href='/api/v1/message/%s/raw'>raw</a><pre>%s</pre></li>" % (
                html.escape(e["Subject"]), html.escape(", ".join(p["Address"] for p in e["To"])), e["ID"],
                html.escape(e["Text"])) for e in reversed(entries))
            return self.send(200, "<!doctype html><title>Mail catcher</title><h1>Mail catcher</h1><ul>%s</ul>" % rows,
                             "text/html")
        return self.send(404, "not found", "text/plain")

    def do_DELETE(self):
        if urlparse(self.path).path != "/api/v1/messages":
            return self.send(404, "not found", "text/plain")
        length = int(self.headers.get("Content-Length") or 0)
        ids = (json.loads(self.rfile.read(length) or b"{}").get("IDs") or []) if length else []
        with LOCK:
            MESSAGES[:] = [e for e in MESSAGES if ids and e["ID"] not in ids]
        return self.send(200, "ok", "text/plain")

    def log_message(self, format, *args):
        sys.stderr.write("http: " + format % args + "\n")


def main():
    smtp = Controller(Handler(), hostname="0.0.0.0", port=1025)
    smtp.start()
    web = ThreadingHTTPServer(("0.0.0.0", 8025), Api)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=web.shutdown).start())
    print("mail catcher: SMTP on 1025, HTTP on 8025", flush=True)
    try:
        web.serve_forever()
    finally:
        smtp.stop()


if __name__ == "__main__":
    main()
