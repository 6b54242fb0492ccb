package web

func Routes(m *web.Router, r chi.Router, g *gin.Engine) {
	addAdmin := func() {
		m.Group("/admin", func() {
			m.Get("", adminHome)
		})
	}
	m.Group("/repos/{owner}/{repo}", func() {
		m.Get("", repoInfo)
		m.Combo("/issues").Get(listIssues).Post(createIssue)
		m.Get(".diff", repoDiff)
		m.Methods("HEAD,GET", "/archive", archive)
		addAdmin()
	})
	r.Route("/v2", func(r chi.Router) {
		r.Get("/items/{id}", getItem)
		r.Group(func(r chi.Router) {
			r.Delete("/items/{id}", deleteItem)
		})
	})
	v1 := g.Group("/v1")
	v1.POST("/login", login)
	resp, _ := http.Get("/not/a/route")
	mux.HandleFunc("/users", users).Methods("GET", "POST")
}
