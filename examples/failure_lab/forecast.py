"""A page that needs another service, and an answer for each way it fails."""

import http.client
import json
from urllib.parse import quote

from flask import Flask

TIMEOUT = 0.2  # seconds: a late forecast is worth less than an honest error


def create_app(forecast_service="127.0.0.1:8081"):
    app = Flask(__name__)
    log = app.logger

    @app.get("/forecast/<city>")
    def forecast(city):
        service = http.client.HTTPConnection(forecast_service, timeout=TIMEOUT)
        try:
            service.request("GET", f"/forecast/{quote(city)}")
            answer = service.getresponse()
            body = answer.read()
        except TimeoutError:
            log.warning("Forecast service gave no answer within %s s", TIMEOUT)
            return {"error": "The forecast service is too slow right now."}, 504
        except ConnectionRefusedError:
            log.error("Forecast service refused connection (%s)", forecast_service)
            return {"error": "The forecast service is unavailable."}, 503
        finally:
            service.close()
        if answer.status == 503:  # overloaded: pass on its advice
            retry_after = answer.getheader("Retry-After", "60")
            log.warning("Forecast service overloaded, retry in %s s", retry_after)
            error = {"error": "The forecast service is overloaded."}
            return error, 503, {"Retry-After": retry_after}
        if answer.status != 200:
            log.error("Forecast service failed with %d", answer.status)
            return {"error": "The forecast service failed."}, 502
        return json.loads(body)

    return app
