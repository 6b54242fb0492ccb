"""URL configuration for notifications (Django style)."""

from shop.utils.web import path

from . import views

urlpatterns = [
    path("preferences", views.preferences, name="preferences"),
    path("internal/deliver", views.deliver, name="deliver", methods=("POST",)),
]
