from flask import Flask

from .api import bp as api_bp
from .views import pages

app = Flask(__name__)
app.register_blueprint(api_bp, url_prefix="/api/v1")
app.register_blueprint(pages)

@app.route("/health")
def health():
    return "ok"
