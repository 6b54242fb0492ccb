package main
func main() {
	http.HandleFunc("/health", h)
	mux.HandleFunc("GET /orders/{id}", h)
	r.GET("/carts/:id", h)
	fmt.Println("/not/a/route")
}
