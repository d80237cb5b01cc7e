"""`digest --format email` and `--send`, judged by Python's email parser and a real MTA client
(Debian's msmtp) talking to an SMTP sink that the test runs on 127.0.0.1."""
import os
import shutil
import socketserver
import threading
import unittest
from email import policy
from email.parser import BytesParser

from harness import UpwardTest

ME = "Åsa Lindqvist"
DANA = "Dana Okafor-Ødegård"
WIN = "Réduit la latence du paiement — 日本語 ✓ 🎉"
PERIOD = "2026-11-23..2026-11-29"  # this week of harness.TODAY (a Monday)
MSMTP = shutil.which("msmtp")
if not MSMTP:
    print("test_digest_email: msmtp is not installed (apt-get install msmtp): the sending tests are skipped")


class SmtpSink(socketserver.ThreadingTCPServer):
    """The smallest SMTP server that msmtp talks to: every message it receives is kept."""
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SmtpHandler)
        self.messages = []  # (mail from, [rcpt to], data bytes)


class SmtpHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        sender, rcpts = None, []
        self.reply("220 sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.strip().split(b" ", 1)[0].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250-sink\r\n250 8BITMIME" if verb == b"EHLO" else "250 sink")
            elif verb == b"MAIL":
                sender, rcpts = line.strip()[10:].decode(), []
                self.reply("250 ok")
            elif verb == b"RCPT":
                rcpts.append(line.strip()[8:].decode())
                self.reply("250 ok")
            elif verb == b"DATA":
                self.reply("354 go ahead")
                data = b""
                while True:
                    l = self.rfile.readline()
                    if not l or l == b".\r\n":
                        break
                    data += l[1:] if l.startswith(b"..") else l  # undo dot-stuffing
                self.server.messages.append((sender, rcpts, data))
                self.reply("250 queued")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            else:  # RSET, NOOP, ...
                self.reply("250 ok")


def parse(raw):
    return BytesParser(policy=policy.default).parsebytes(raw)


class DigestEmailTest(UpwardTest):
    def setUp(self):
        super().setUp()
        self.ok("init", "--name", ME, "--email", "asa@example.com")
        self.ok("people", "add", "dana", "--name", DANA, "--relationship", "manager",
                "--email", "dana.okafor@example.com", "--style", "detailed", "--primary")
        # long words, CJK and emoji: the message must still keep every line within 78 characters
        self.ok("log-win", WIN, "-i", "Conversion +1,2 % — mesurée " + "x" * 150 + " 漢字" * 40, "-t", "perf")
        self.ok("log-win", "Secret negotiation with another team", "--private")

    def set_digest(self, key, value):
        path = os.path.join(self.repo, "upward.toml")
        text = self.read(path)
        line = f'{key} = "{value}"\n'
        text = text.replace("[digest]\n", "[digest]\n" + line, 1) if "[digest]\n" in text else \
            text + "\n[digest]\n" + line
        with open(path, "w") as f:
            f.write(text)

    def sent_records(self):
        return self.files("sent") if os.path.isdir(os.path.join(self.repo, "sent")) else []

    def check_message(self, raw, subject="Weekly update: " + PERIOD):
        lines = raw.split(b"\n")
        self.assertLessEqual(max(len(l.rstrip(b"\r")) for l in lines), 78, "a line is over 78 characters")
        msg = parse(raw)
        self.assertEqual(msg.defects, [])
        for part in msg.walk():
            self.assertEqual(part.defects, [], part.get_content_type())
        self.assertEqual(msg["subject"], subject)
        self.assertEqual(msg["from"].addresses[0].display_name, ME)
        self.assertEqual(msg["from"].addresses[0].addr_spec, "asa@example.com")
        self.assertEqual([a.addr_spec for a in msg["to"].addresses], ["dana.okafor@example.com"])
        self.assertEqual(msg["auto-submitted"], "auto-generated")
        self.assertEqual(msg["mime-version"], "1.0")
        self.assertTrue(msg["message-id"].endswith("@upward.invalid>"))
        self.assertIsNotNone(msg["date"].datetime)
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        self.assertEqual([p.get_content_type() for p in msg.iter_parts()], ["text/plain", "text/html"])
        # the message has CRLF line ends, which the parser keeps in the decoded bodies
        plain = msg.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")
        html = msg.get_body(preferencelist=("html",)).get_content().replace("\r\n", "\n")
        self.assertIn(WIN, plain)
        self.assertIn(WIN, html)
        for body in (plain, html):
            self.assertNotIn("Secret negotiation", body)
        return msg, plain

    def test_the_email_parses_without_defects_and_says_what_was_meant(self):
        raw = self.run_upward("digest", "--format", "email")
        self.assertEqual(raw.returncode, 0, raw.stderr.decode())
        _, plain = self.check_message(raw.stdout)
        text = self.ok("digest", "--format", "text", "--for", "dana")
        self.assertEqual(plain, text)

    def test_a_non_ascii_subject_is_encoded_and_decodes_to_itself(self):
        raw = self.run_upward("digest", "--format", "email", "--subject", "Rapport — 週報 Ødegård")
        self.assertEqual(raw.returncode, 0, raw.stderr.decode())
        self.check_message(raw.stdout, subject="Rapport — 週報 Ødegård: " + PERIOD)
        self.assertNotIn("週".encode(), raw.stdout.split(b"\r\n\r\n")[0])  # encoded in the headers

    def test_the_same_digest_gives_the_same_message(self):
        a = self.run_upward("digest", "--format", "email").stdout
        b = self.run_upward("digest", "--format", "email").stdout
        self.assertEqual(a, b)

    def test_a_subject_with_a_newline_is_refused_and_nothing_printed(self):
        for subject in ("Weekly\nBcc: attacker@evil.example", "Weekly\r\nX: y", "Weekly\rX"):
            r = self.run_upward("digest", "--format", "email", "--subject", subject)
            self.assertEqual(r.returncode, 1, r.stderr.decode())
            self.assertEqual(r.stdout, b"")
            self.assertIn(b"Subject", r.stderr)

    def test_a_failing_sendmail_exits_1_and_records_nothing(self):
        self.set_digest("sendmail", "/bin/false")
        r = self.run_upward("digest", "--send")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertEqual(self.sent_records(), [])

    @unittest.skipUnless(MSMTP, "msmtp is not installed")
    def test_msmtp_delivers_the_message_intact_to_an_smtp_sink(self):
        sink = SmtpSink()
        thread = threading.Thread(target=sink.serve_forever, daemon=True)
        thread.start()
        try:
            port = sink.server_address[1]
            self.set_digest("sendmail", f"{MSMTP} --host=127.0.0.1 --port={port} --tls=off --auth=off "
                                        "--from=asa@example.com -t")
            r = self.run_upward("digest", "--send")
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertIn(b"sent to dana.okafor@example.com", r.stderr)
        finally:
            sink.shutdown()
            sink.server_close()
        self.assertEqual(len(sink.messages), 1)
        sender, rcpts, data = sink.messages[0]
        self.assertEqual(sender, "<asa@example.com>")
        self.assertEqual(rcpts, ["<dana.okafor@example.com>"])
        self.check_message(data)
        records = self.sent_records()
        self.assertEqual(len(records), 1, records)
        self.assertRegex(records[0], r"^sent/2026-11-23-\d{6}-digest(-\w+)?\.toml$")


if __name__ == "__main__":
    unittest.main()
