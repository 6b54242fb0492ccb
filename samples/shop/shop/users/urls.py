"""URL configuration for accounts (Django style)."""

from shop.utils.web import path

from . import views

app_name = "users"

urlpatterns = [
    path("register", views.register, name="register", methods=("POST",)),
    path("login", views.login, name="login", methods=("POST",)),
    path("me", views.me, name="me", methods=("GET",)),
    path("me/addresses", views.addresses, name="addresses"),
    path("me/close", views.close, name="close", methods=("POST",)),
]
