Rails.application.routes.draw do
  root 'home#index'
  mount Sidekiq::Web, at: 'sidekiq' if Rails.env.development?
  devise_for :users

  resources :photos, only: [:index, :show] do
    member do
      post :like
    end
    collection do
      get :recent
    end
    resources :comments, only: :create
    get :preview, on: :member
  end

  resource :profile, except: [:destroy, :new]

  concern :commentable do
    resources :comments, only: [:index, :create]
  end
  resources :posts, only: :show, concerns: :commentable
  resources :videos, only: [] do
    concerns :commentable
  end

  namespace :api do
    namespace :v1 do
      resources :statuses, only: [:create, :destroy]
      scope module: :statuses do
        get 'statuses/:id/context', to: 'contexts#show'
      end
    end
    draw :admin
  end

  match '/search', via: [:get, :post], to: 'search#index'
end
