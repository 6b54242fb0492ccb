"""Cart models (Django style)."""

from shop.utils import orm


class Cart(orm.Model):
    """One open cart per user; it becomes an order at checkout."""

    id = orm.AutoField()
    user_id = orm.ForeignKey("users_user")
    created_at = orm.DateTimeField(auto_now_add=True)
    updated_at = orm.DateTimeField(null=True)
    coupon_code = orm.CharField(max_length=32, null=True)

    class Meta:
        db_table = "cart_cart"


class CartItem(orm.Model):
    id = orm.AutoField()
    cart_id = orm.ForeignKey("cart_cart")
    product_id = orm.ForeignKey("catalog_product")
    quantity = orm.IntegerField(default=1)

    class Meta:
        db_table = "cart_item"
        unique_together = ("cart_id", "product_id")
