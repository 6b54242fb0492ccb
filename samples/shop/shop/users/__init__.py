"""Customer accounts: registration, login, sessions and addresses."""

default_app_config = "shop.users"
