# Varnish 7.1 in front of Minbar (Debian: apt-get install varnish varnish-modules).
#
#   varnishd -a :80 -f /etc/varnish/minbar.vcl -s malloc,256m
#   java -jar minbar.jar --purge-url http://127.0.0.1:80/ --base-url https://news.example
#
# Varnish keeps every feed and page Minbar calls public for its max-age, answers aggregators'
# conditional GETs itself, and drops exactly the documents a change affects when Minbar sends
# "PURGE /" with "xkey-purge: site category:… article:…" (Minbar's purger follows its change log
# and retries until Varnish has taken each purge). When Minbar is down or failing, the documents
# it served keep being served for a day (grace).
vcl 4.1;

import std;
# varnish-modules: files each object under the keys of its "xkey" header, and drops them by key.
import xkey;

# Minbar. VarnishIT substitutes the port of the server it starts.
backend minbar {
    .host = "127.0.0.1";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    # /healthz answers 200 while Minbar can serve. Two failures in the last three probes make it
    # sick, and then stale documents are served for up to a day (see vcl_recv). It starts healthy.
    .probe = {
        .url = "/healthz";
        .interval = 1s;
        .timeout = 1s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Who may PURGE: Minbar on this machine. Add the address of each Minbar node that is elsewhere.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "PURGE is allowed from the purgers ACL only"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "PURGE needs an xkey-purge header naming the keys to drop"));
        }
        # A soft purge makes the documents stale rather than deleting them: the next request fetches
        # them again (revalidating with their ETag, so an unchanged one costs a 304), and if Minbar
        # cannot answer then, the stale copy is still there to be served in grace.
        set req.http.x-purged = xkey.softpurge(req.http.xkey-purge);
        return (synth(200, "Purged " + req.http.x-purged + " objects"));
    }
    # Writes (POST, PUT, DELETE, AtomPub), anything authenticated, and the addresses that are
    # private or must be live go straight to Minbar and are never stored.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.http.Authorization
            || req.url ~ "^/(api|admin|atompub)(/|\?|$)"
            || req.url ~ "^/(metrics|websub|healthz|readyz)(/|\?|$)") {
        return (pass);
    }
    # RFC 3229 delta requests answer each client with the entries it lacks: not shareable.
    if (req.http.A-IM) {
        return (pass);
    }
    # Minbar sets no cookie on feeds or pages; a browser's cookies for other sites' paths must not
    # make every request a miss.
    unset req.http.Cookie;
    # While Minbar is healthy, a stale (expired or soft-purged) document is fetched before it is
    # served, so a purge shows at once. While it is sick, stale documents are served for a day.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_pass {
    set req.http.x-cache = "PASS";
}

sub vcl_backend_response {
    # A background refresh that failed keeps the stale copy rather than replacing it with an error.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Only what Minbar calls public is kept (feeds, archives, pages: 200s with validators and
    # surrogate keys), for the max-age it gives. Errors, redirects and private answers are not,
    # so a 404 for a category that a later article creates never outlives the article.
    if (beresp.http.Cache-Control !~ "(^|[ ,])public([ ,]|$)" || beresp.status != 200) {
        set beresp.uncacheable = true;
        set beresp.ttl = 10s;
        return (deliver);
    }
    # Grace: how long past its max-age a document may be served while Minbar is down. Keep: how
    # long after that the copy is kept to revalidate with If-None-Match/If-Modified-Since.
    set beresp.grace = 1d;
    set beresp.keep = 1d;
    # Minbar sends gzip when asked (Varnish always asks) and says Vary: Accept-Encoding. Varnish
    # gunzips for clients that do not take gzip, so one stored copy serves both: no variants.
    if (beresp.http.Content-Encoding == "gzip" && beresp.http.Vary == "Accept-Encoding") {
        unset beresp.http.Vary;
        set beresp.http.x-vary-accept-encoding = "1";
    }
    return (deliver);
}

sub vcl_deliver {
    # Caches further along (an aggregator's proxy) still learn that the body depends on Accept-Encoding.
    if (resp.http.x-vary-accept-encoding) {
        set resp.http.Vary = "Accept-Encoding";
        unset resp.http.x-vary-accept-encoding;
    }
    # The keys are for this cache only.
    unset resp.http.xkey;
    if (req.http.x-cache) {
        set resp.http.X-Cache = req.http.x-cache;
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}

sub vcl_synth {
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.body = resp.reason + {"
"};
    return (deliver);
}
