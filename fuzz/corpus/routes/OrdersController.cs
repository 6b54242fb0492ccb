using Microsoft.AspNetCore.Mvc;

namespace Shop.Controllers
{
    [ApiController]
    [Route("api/[controller]")]
    public class OrdersController : ControllerBase
    {
        [HttpGet]
        public IActionResult List() => Ok();

        [HttpGet("{id:int}")]
        public IActionResult Get(int id) => Ok();

        [HttpPost, Authorize]
        public IActionResult Create([FromBody] Order o) => Ok();

        [HttpPut("{id}"), HttpPatch("{id}")]
        public IActionResult Update(int id) => Ok();

        [Route("~/health")]
        [AcceptVerbs("GET", "HEAD")]
        public IActionResult Health() => Ok();

        [Route("[action]")]
        [HttpDelete]
        public IActionResult Purge() => Ok();

        public IActionResult Helper() => Ok();
    }
}
