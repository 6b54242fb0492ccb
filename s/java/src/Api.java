@RestController
@RequestMapping("/api/users")
public class Api {
	@GetMapping("/{id}")
	public User get(@PathVariable long id) { return null; }
	@RequestMapping(value = "/search", method = RequestMethod.POST)
	public List<User> search() { return null; }
}
