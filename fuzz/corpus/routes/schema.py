import strawberry


@strawberry.type(name="Query")
class OrdersQuery:
    order: OrderType = strawberry_django.field()
    order_list: list[OrderType] = strawberry_django.field()

    @strawberry.field
    def order_count(self) -> int:
        return 0


@strawberry.type
class Mutation:
    @strawberry.mutation
    def cancel_order(self, id: int) -> bool:
        return True


@strawberry.type
class OrderType:
    id: int
