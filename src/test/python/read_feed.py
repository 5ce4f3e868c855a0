"""Reads a feed as a reader built on Universal Feed Parser (Debian's python3-feedparser) does.

Fetches the URL over HTTP (following redirects, as readers do: "href" is where it ended), then again with the ETag and Last-Modified it was given, and prints
what the parser understood as one JSON object. FeedReaderIT runs it against a real server.
Usage: /usr/bin/python3 read_feed.py URL
"""
import json
import sys
import time

import feedparser


def when(parsed):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed) if parsed else None


def entry(item):
    return {
        "id": item.get("id"),
        "link": item.get("link"),
        "title": item.get("title"),
        "published": when(item.get("published_parsed")),
        "updated": when(item.get("updated_parsed")),
        "author": item.get("author"),
        "tags": [tag.get("term") for tag in item.get("tags", [])],
        "content": [{"type": c.get("type"), "language": c.get("language"), "value": c.get("value")}
                    for c in item.get("content", [])],
    }


def main(url):
    first = feedparser.parse(url)
    again = feedparser.parse(url, etag=first.get("etag"), modified=first.get("modified"))
    headers = {name.lower(): value for name, value in first.get("headers", {}).items()}
    print(json.dumps({
        "status": first.get("status"),
        "href": first.get("href"),
        "again": again.get("status"),
        "contentEncoding": headers.get("content-encoding"),
        "bozo": bool(first.get("bozo")),
        "problem": repr(first.get("bozo_exception")) if first.get("bozo") else None,
        "version": first.get("version"),
        "encoding": first.get("encoding"),
        "title": first.feed.get("title"),
        "subtitle": first.feed.get("subtitle"),
        "language": first.feed.get("language"),
        "links": [{"rel": link.get("rel"), "href": link.get("href")} for link in first.feed.get("links", [])],
        "entries": [entry(item) for item in first.entries],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
