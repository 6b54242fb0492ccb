"""A very small declarative model layer.

Two historical styles live side by side in the code base, because the shop
was started with Django and parts were later rewritten with SQLAlchemy in
mind:

* Django style: an inner ``class Meta`` with ``db_table = "..."``;
* SQLAlchemy style: a ``__tablename__ = "..."`` class attribute.

Both end up in ``Model.table_name()``.  The layer does no query building;
repositories write their SQL by hand.
"""

from datetime import datetime
from decimal import Decimal
from typing import Any, Dict, Optional, Type


class Field:
    """Base class of every column description."""

    python_type: Type = object

    def __init__(self, primary_key: bool = False, null: bool = False,
                 default: Any = None, unique: bool = False, index: bool = False):
        self.primary_key = primary_key
        self.null = null
        self.default = default
        self.unique = unique
        self.index = index
        self.name: Optional[str] = None

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def to_python(self, value: Any) -> Any:
        if value is None:
            return None
        return self.python_type(value)


class AutoField(Field):
    python_type = int

    def __init__(self, **kwargs):
        kwargs.setdefault("primary_key", True)
        super().__init__(**kwargs)


class IntegerField(Field):
    python_type = int


class BooleanField(Field):
    python_type = bool


class CharField(Field):
    python_type = str

    def __init__(self, max_length: int = 255, **kwargs):
        super().__init__(**kwargs)
        self.max_length = max_length


class TextField(Field):
    python_type = str


class DecimalField(Field):
    python_type = Decimal

    def __init__(self, max_digits: int = 12, decimal_places: int = 2, **kwargs):
        super().__init__(**kwargs)
        self.max_digits = max_digits
        self.decimal_places = decimal_places


class DateTimeField(Field):
    python_type = datetime

    def __init__(self, auto_now_add: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.auto_now_add = auto_now_add

    def to_python(self, value: Any) -> Any:
        if value is None or isinstance(value, datetime):
            return value
        return datetime.fromisoformat(str(value))


class ForeignKey(IntegerField):
    """An integer column pointing at the primary key of ``to_table``."""

    def __init__(self, to_table: str, on_delete: str = "CASCADE", **kwargs):
        super().__init__(**kwargs)
        self.to_table = to_table
        self.on_delete = on_delete


# SQLAlchemy-flavoured aliases, so newer models read naturally.
Integer = IntegerField
String = CharField
Numeric = DecimalField
DateTime = DateTimeField
Boolean = BooleanField


def Column(kind: Any, *args, **kwargs) -> Field:
    """``Column(Integer, primary_key=True)`` in the SQLAlchemy spirit."""
    if isinstance(kind, type):
        return kind(*args, **kwargs)
    return kind


class Model:
    """Base class for every persisted object."""

    def __init__(self, **values: Any):
        for name, field in self.fields().items():
            value = values.pop(name, field.default)
            setattr(self, name, field.to_python(value))
        if values:
            raise TypeError("unknown fields for %s: %s"
                            % (type(self).__name__, ", ".join(sorted(values))))

    @classmethod
    def fields(cls) -> Dict[str, Field]:
        found: Dict[str, Field] = {}
        for klass in reversed(cls.__mro__):
            for name, value in vars(klass).items():
                if isinstance(value, Field):
                    found[name] = value
        return found

    @classmethod
    def table_name(cls) -> str:
        """The table behind this model, whichever style declared it."""
        meta = getattr(cls, "Meta", None)
        if meta is not None and getattr(meta, "db_table", None):
            return meta.db_table
        tablename = getattr(cls, "__tablename__", None)
        if tablename:
            return tablename
        raise TypeError("%s declares no table" % cls.__name__)

    @classmethod
    def from_row(cls, row: Optional[Dict[str, Any]]):
        """Build an instance from a database row, ignoring extra columns."""
        if row is None:
            return None
        known = cls.fields()
        return cls(**{k: v for k, v in row.items() if k in known})

    def to_dict(self) -> Dict[str, Any]:
        return {name: getattr(self, name) for name in self.fields()}

    def __repr__(self) -> str:
        pk = getattr(self, "id", None)
        return "<%s id=%r>" % (type(self).__name__, pk)
