using Microsoft.AspNetCore.Builder;

var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/ping", () => "pong");
var api = app.MapGroup("/api/v2");
api.MapPost("/carts", CreateCart);
api.MapMethods("/carts/{id}", new[] { "PUT", "PATCH" }, UpdateCart);
app.MapControllerRoute(name: "default", pattern: "{controller=Home}/{action=Index}/{id?}");
routes.MapRoute("Product", "p/{productId}/{SeName}", new { controller = "Catalog" });
routes.MapRoute("Vote", "poll/vote", new { controller = "Poll", action = "Vote" },
	new[] { "Shop.Controllers" });
app.Run();
