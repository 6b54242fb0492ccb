"""User account models (Django style, ``class Meta: db_table``)."""

from shop.utils import orm


class User(orm.Model):
    """A registered customer or a member of staff."""

    id = orm.AutoField()
    email = orm.CharField(max_length=254, unique=True)
    password_hash = orm.CharField(max_length=128)
    full_name = orm.CharField(max_length=200)
    is_staff = orm.BooleanField(default=False)
    is_active = orm.BooleanField(default=True)
    marketing_opt_in = orm.BooleanField(default=False)
    date_joined = orm.DateTimeField(auto_now_add=True)
    last_login = orm.DateTimeField(null=True)

    class Meta:
        db_table = "users_user"
        ordering = ["-date_joined"]

    @property
    def first_name(self) -> str:
        return (self.full_name or "").split(" ")[0]


class Address(orm.Model):
    """A postal address; a user may keep several."""

    id = orm.AutoField()
    user_id = orm.ForeignKey("users_user")
    line1 = orm.CharField(max_length=200)
    line2 = orm.CharField(max_length=200, null=True)
    city = orm.CharField(max_length=100)
    postcode = orm.CharField(max_length=20)
    country = orm.CharField(max_length=2)
    is_default = orm.BooleanField(default=False)

    class Meta:
        db_table = "users_address"

    def one_line(self) -> str:
        parts = [self.line1, self.line2, self.postcode + " " + self.city, self.country]
        return ", ".join(p for p in parts if p)


class Session(orm.Model):
    """A login session, referenced by the session cookie."""

    id = orm.AutoField()
    token = orm.CharField(max_length=64, unique=True)
    user_id = orm.ForeignKey("users_user")
    created_at = orm.DateTimeField(auto_now_add=True)
    expires_at = orm.DateTimeField()

    class Meta:
        db_table = "users_session"
