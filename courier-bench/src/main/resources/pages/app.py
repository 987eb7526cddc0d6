# The Flask side of courier-bench's pages suite (PagesBench), run as gunicorn's app:app.
# PagesBench copies this file and the templates beside it into a temporary folder; the templates
# are Courier's (Pebble) files with one line respelt for Jinja2: the price filter.
import platform
from importlib import metadata

from flask import Flask, render_template

app = Flask(__name__)
# Pebble drops the newline after a block tag and keeps a template's last newline; Jinja2 does the
# same with these two settings, which make the two pages the same bytes up to how each escapes a
# double quote (&quot; and &#34;).
app.jinja_env.trim_blocks = True
app.jinja_env.keep_trailing_newline = True


@app.route("/page")
def page():
    # Built per request, as CourierPagesServer builds its model.
    rows = [
        {
            "id": i,
            "name": f'Widget <b>{i}</b> & "friends"',
            "price": (i * 137 % 10000) / 100,
            "available": i % 3 != 0,
        }
        for i in range(1, 51)
    ]
    return render_template("page.html", title="Products", user="Ada <admin>", rows=rows)


@app.route("/versions")
def versions():
    # What serves the page, for the report: gunicorn may run another Python than python3 on PATH.
    return "Flask %s, Jinja2 %s, Werkzeug %s, Python %s" % (
        metadata.version("flask"),
        metadata.version("jinja2"),
        metadata.version("werkzeug"),
        platform.python_version(),
    )
