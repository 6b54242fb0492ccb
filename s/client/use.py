import requests
requests.get(BASE + "/invoices/42")
