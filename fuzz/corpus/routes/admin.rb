namespace :admin do
  resources :reports, only: :index
  patch 'settings', to: 'settings#update'
end
