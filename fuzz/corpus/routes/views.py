from rest_framework import mixins, viewsets
from rest_framework.decorators import action


class ExportMixin:
    @action(detail=False, methods=["get"], url_path="export")
    def export_all(self, request):
        pass


class OrderViewSet(ExportMixin, viewsets.ModelViewSet):
    @action(detail=True, methods=["post", "put"])
    def ship(self, request, pk=None):
        pass


class ProductViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin,
                     viewsets.GenericViewSet):
    pass


class AuditViewSet(viewsets.ModelViewSet):
    http_method_names = ["get", "delete"]
