"""Order models (Django style)."""

from decimal import Decimal

from shop.utils import orm
from shop.utils.money import Money


class OrderStatus:
    PENDING_PAYMENT = "pending_payment"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    REFUNDED = "refunded"

    OPEN = (PENDING_PAYMENT, PAID)
    FINAL = (SHIPPED, CANCELLED, REFUNDED)


class Order(orm.Model):
    """A placed order.  Amounts are frozen at checkout time."""

    id = orm.AutoField()
    number = orm.CharField(max_length=20, unique=True)
    user_id = orm.ForeignKey("users_user")
    status = orm.CharField(max_length=20, default=OrderStatus.PENDING_PAYMENT)
    currency = orm.CharField(max_length=3)
    subtotal = orm.DecimalField()
    shipping = orm.DecimalField()
    discount = orm.DecimalField(default=Decimal("0"))
    vat = orm.DecimalField()
    grand_total = orm.DecimalField()
    shipping_address = orm.TextField()
    placed_at = orm.DateTimeField(auto_now_add=True)
    paid_at = orm.DateTimeField(null=True)

    class Meta:
        db_table = "orders_order"
        ordering = ["-placed_at"]

    @property
    def total(self) -> Money:
        return Money(self.grand_total, self.currency)

    @property
    def is_open(self) -> bool:
        return self.status in OrderStatus.OPEN


class OrderLine(orm.Model):
    """One product on an order, with the price paid for it."""

    id = orm.AutoField()
    order_id = orm.ForeignKey("orders_order")
    product_id = orm.ForeignKey("catalog_product", on_delete="PROTECT")
    sku = orm.CharField(max_length=32)
    name = orm.CharField(max_length=200)
    unit_price = orm.DecimalField()
    quantity = orm.IntegerField()

    class Meta:
        db_table = "orders_line"

    @property
    def line_total(self) -> Decimal:
        return self.unit_price * self.quantity
