"""Payment models (SQLAlchemy style)."""

from shop.utils.money import Money
from shop.utils.orm import Column, DateTime, ForeignKey, Integer, Model, Numeric, String


class PaymentState:
    PENDING = "pending"
    CAPTURED = "captured"
    FAILED = "failed"
    VOIDED = "voided"
    REFUNDED = "refunded"


class Payment(Model):
    """One attempt to collect the money for an order."""

    __tablename__ = "payments_payment"

    id = Column(Integer, primary_key=True)
    order_id = ForeignKey("orders_order")
    provider_ref = Column(String, max_length=64, unique=True, null=True)
    state = Column(String, max_length=16, default=PaymentState.PENDING)
    amount = Column(Numeric)
    currency = Column(String, max_length=3)
    created_at = Column(DateTime)
    captured_at = Column(DateTime, null=True)
    failure_reason = Column(String, max_length=200, null=True)

    @property
    def money(self) -> Money:
        return Money(self.amount, self.currency)


class Refund(Model):
    __tablename__ = "payments_refund"

    id = Column(Integer, primary_key=True)
    payment_id = ForeignKey("payments_payment")
    amount = Column(Numeric)
    reason = Column(String, max_length=200)
    provider_ref = Column(String, max_length=64, null=True)
    created_at = Column(DateTime)
